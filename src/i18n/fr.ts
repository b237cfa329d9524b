import type { Translation } from './translation.js';

/** Français. */
export const fr: Translation = {
  title: 'Cookies sur ce site',
  text: 'Ce site n’utilise que les cookies nécessaires, sauf si vous en acceptez d’autres\u202f: {categories}. Vous pouvez changer d’avis à tout moment.',
  anonymous: 'En attendant votre choix, les visites sont comptées anonymement, sans cookies.',
  accept: 'Tout accepter',
  reject: 'Tout refuser',
  customise: 'Personnaliser',
  intro:
    'Choisissez les cookies que nous pouvons utiliser. Les cookies nécessaires sont toujours actifs.',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  necessary: 'Nécessaires',
  services: 'Services et cookies',
  provider: 'Fournisseur',
  purpose: 'Finalité',
  lifetime: 'Durée',
  id: 'Identifiant du consentement\u202f:',
  policy: 'Politique en matière de cookies',
  settings: 'Paramètres des cookies',
  embedFrom: 'Contenu fourni par',
  embedBlocked: 'Il reste bloqué tant que vous n’acceptez pas ses cookies.',
  embedLoad: 'Accepter et afficher',
  saved: 'Choix enregistré.',
  copy: 'Copier',
  copied: 'Copié.',
  selected: 'Sélectionné.',
  consentCookie: 'Retenir votre choix',
  log: 'Historique de vos choix',
  session: 'Regrouper une visite, après accord',
  sessionLifetime: 'Session',
};
