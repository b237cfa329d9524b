import type { NoticeTranslation } from './notice-translation.js';

/** Français. */
export const fr: NoticeTranslation = {
  noticeTitle: 'Cookies et mesure d’audience',
  noticeIntro:
    'Cette section énumère les cookies et technologies similaires utilisés sur ce site, avec leur finalité, leur fournisseur et leur durée de conservation, et explique comment le site mesure son audience. Elle est établie à partir des paramètres mêmes qui les régissent sur le site\u202f: elle décrit donc ce que le site fait réellement.',
  controller: '',
  contact: 'notre délégué à la protection des données',
  consentTitle: 'Votre consentement',
  consentText:
    'Nous ne stockons ni ne lisons d’informations sur votre appareil que lorsque c’est strictement nécessaire pour fournir le site, sauf si vous en acceptez davantage. Refuser est aussi simple qu’accepter et ne limite pas votre utilisation du site. Vous pouvez changer d’avis à tout moment\u202f; le retrait de votre consentement ne remet pas en cause ce qui a été fait auparavant, mais tout ce qui en dépendait s’arrête.',
  changeText: 'Pour modifier votre choix ou retirer votre consentement\u202f:',
  alwaysOn:
    'Toujours actifs\u202f: strictement nécessaires, ils ne requièrent pas de consentement.',
  onlyWithConsent: 'Uniquement avec votre consentement.',
  serviceBy: '{service}, fourni par {provider}.',
  tableCaption: '{category}\u202f: cookies et stockage',
  name: 'Nom',
  notStated: 'Non précisé',
  consentTool: 'Outil de consentement',
  measureTitle: 'Ce que nous mesurons',
  measureBefore:
    'Tant que vous n’avez pas fait de choix, chaque page consultée est comptée anonymement, sans cookie et sans rien stocker sur votre appareil. Nous recevons l’adresse de la page {query}, le domaine du site d’où vous venez, la langue de la page et la largeur de votre fenêtre par grandes tranches\u202f; de la requête elle-même, la famille de votre navigateur et de votre système d’exploitation. Votre adresse IP n’est pas lue. Seuls des compteurs journaliers sont conservés.',
  queryKept: 'sans ses paramètres, sauf {parameters}',
  queryDropped: 'sans ses paramètres',
  measureBeforeNone:
    'Tant que vous n’avez pas donné votre consentement, rien n’est envoyé pour mesurer l’audience.',
  measureAfter:
    'Avec votre consentement pour «\u202f{category}\u202f», chaque page consultée est enregistrée avec son heure, l’adresse de la page, la famille et la version principale de votre navigateur et de votre système d’exploitation, la langue, la largeur de votre fenêtre par tranches et votre réseau réduit à sa première partie (la moitié d’une adresse IPv4), jamais votre adresse IP complète. Ces enregistrements sont conservés {days}\u202f; ensuite, seuls des totaux journaliers subsistent.',
  extrasIntro: 'Chaque enregistrement contient en outre\u202f:',
  extraReferrer: 'l’adresse de la page d’où vous venez, sans ses paramètres',
  extraMinor: 'la version secondaire de votre navigateur',
  extraScreen: 'la taille de votre écran',
  extraSession:
    'un identifiant aléatoire de votre visite, conservé dans votre navigateur jusqu’à la fermeture de l’onglet (garde.sid)',
  extraPersistentId:
    'un identifiant aléatoire qui reconnaît votre navigateur lors de visites ultérieures, conservé jusqu’au retrait de votre consentement (garde.uid)',
  measureRefused:
    'Si vous refusez, ou retirez votre consentement, plus rien n’est envoyé pour mesurer l’audience, pas même un comptage anonyme.',
  measureNone:
    'Ce site ne mesure pas lui-même son audience\u202f; seuls les services énumérés ci-dessus peuvent le faire, et uniquement avec votre consentement.',
  recordsTitle: 'Enregistrement de vos choix',
  recordsText:
    'Pour pouvoir prouver votre consentement (article 7, paragraphe 1, du RGPD), chacun de vos choix est enregistré sur notre serveur\u202f: un identifiant de consentement aléatoire, la date et l’heure, ce que vous avez accepté et refusé, la manière dont vous avez choisi (bandeau, paramètres, signal du navigateur), la langue, la page, la version de la présente notice et une empreinte des textes qui vous ont été présentés. Un enregistrement ne contient ni votre adresse IP ni l’identité de votre navigateur. Il est conservé {days} après votre dernier choix, puis effacé.',
  recordsLocal:
    'Vos choix ne sont enregistrés que dans votre navigateur, pour que vous puissiez les consulter\u202f; rien ne nous est envoyé.',
  rightsText:
    'Votre identifiant de consentement figure dans les paramètres des cookies, avec un bouton pour le copier\u202f; notez-le avant de retirer votre consentement, car votre navigateur l’oublie alors. Pour consulter l’enregistrement de vos choix ou en demander l’effacement, communiquez cet identifiant à {contact}\u202f: c’est le seul moyen de les retrouver, car ils ne contiennent rien d’autre qui vous identifie.',
  gpcTitle: 'Global Privacy Control',
  gpcRefuse:
    'Si votre navigateur envoie le signal Global Privacy Control, nous le traitons comme un refus de tout ce qui n’est pas strictement nécessaire\u202f: le bandeau ne s’affiche pas et le refus est enregistré. Vous pouvez toujours donner votre consentement dans les paramètres des cookies.',
  gpcIgnore:
    'Ce site ne tient pas compte du signal Global Privacy Control\u202f: faites votre choix dans le bandeau ou dans les paramètres des cookies.',
  versionText:
    'Version de la présente notice\u202f: {policy} (section cookies, édition {notice}, garde {garde}).',
};
