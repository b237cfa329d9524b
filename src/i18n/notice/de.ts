import type { NoticeTranslation } from './notice-translation.js';

/** Deutsch. */
export const de: NoticeTranslation = {
  noticeTitle: 'Cookies und Reichweitenmessung',
  noticeIntro:
    'Dieser Abschnitt führt die Cookies und ähnlichen Technologien auf, die diese Website verwendet, mit ihrem Zweck, ihrem Anbieter und ihrer Speicherdauer, und erläutert, wie die Website ihre Reichweite misst. Er wird aus genau den Einstellungen erstellt, die sie auf der Website steuern, und beschreibt daher, was die Website tatsächlich tut.',
  controller: '',
  contact: 'unseren Datenschutzbeauftragten',
  consentTitle: 'Ihre Einwilligung',
  consentText:
    'Wir speichern oder lesen Informationen auf Ihrem Gerät nur, wenn dies für die Bereitstellung der Website unbedingt erforderlich ist, es sei denn, Sie willigen in mehr ein. Ablehnen ist so einfach wie Zustimmen und schränkt Ihre Nutzung der Website nicht ein. Sie können Ihre Wahl jederzeit ändern; der Widerruf Ihrer Einwilligung berührt nicht, was zuvor geschehen ist, aber alles, was davon abhing, endet.',
  changeText: 'Um Ihre Wahl zu ändern oder Ihre Einwilligung zu widerrufen:',
  alwaysOn: 'Immer aktiv: unbedingt erforderlich, daher ohne Einwilligung.',
  onlyWithConsent: 'Nur mit Ihrer Einwilligung.',
  serviceBy: '{service}, bereitgestellt von {provider}.',
  tableCaption: '{category}: Cookies und Speicher',
  name: 'Name',
  notStated: 'Nicht angegeben',
  consentTool: 'Einwilligungswerkzeug',
  measureTitle: 'Was wir messen',
  measureBefore:
    'Solange Sie keine Wahl getroffen haben, wird jede aufgerufene Seite anonym gezählt, ohne Cookie und ohne etwas auf Ihrem Gerät zu speichern. Wir erhalten die Adresse der Seite {query}, die Domain der Website, von der Sie kommen, die Sprache der Seite und die Breite Ihres Fensters in groben Stufen; aus der Anfrage selbst die Familie Ihres Browsers und Ihres Betriebssystems. Ihre IP-Adresse wird nicht gelesen. Gespeichert werden nur tägliche Zähler.',
  queryKept: 'ohne ihre Parameter, außer {parameters}',
  queryDropped: 'ohne ihre Parameter',
  measureBeforeNone:
    'Solange Sie nicht eingewilligt haben, wird nichts zur Reichweitenmessung gesendet.',
  measureAfter:
    'Mit Ihrer Einwilligung in „{category}“ wird jede aufgerufene Seite mit Uhrzeit, Adresse der Seite, Familie und Hauptversion Ihres Browsers und Betriebssystems, Sprache, Fensterbreite in Stufen und Ihrem auf den ersten Teil gekürzten Netzwerk (der Hälfte einer IPv4-Adresse) erfasst, nie mit Ihrer vollständigen IP-Adresse. Diese Daten werden {days} gespeichert; danach bleiben nur Tagessummen.',
  extrasIntro: 'Jeder Eintrag enthält außerdem:',
  extraReferrer: 'die Adresse der Seite, von der Sie kommen, ohne ihre Parameter',
  extraMinor: 'die Nebenversion Ihres Browsers',
  extraScreen: 'die Größe Ihres Bildschirms',
  extraSession:
    'eine zufällige Kennung Ihres Besuchs, in Ihrem Browser gespeichert, bis Sie den Tab schließen (garde.sid)',
  extraPersistentId:
    'eine zufällige Kennung, die Ihren Browser bei späteren Besuchen wiedererkennt, gespeichert bis zum Widerruf Ihrer Einwilligung (garde.uid)',
  measureRefused:
    'Wenn Sie ablehnen oder Ihre Einwilligung widerrufen, wird nichts mehr zur Reichweitenmessung gesendet, nicht einmal eine anonyme Zählung.',
  measureNone:
    'Diese Website misst ihre Reichweite nicht selbst; nur die oben genannten Dienste dürfen das, und nur mit Ihrer Einwilligung.',
  recordsTitle: 'Aufzeichnung Ihrer Entscheidungen',
  recordsText:
    'Um Ihre Einwilligung nachweisen zu können (Artikel 7 Absatz 1 DSGVO), wird jede Ihrer Entscheidungen auf unserem Server aufgezeichnet: eine zufällige Einwilligungskennung, Datum und Uhrzeit, was Sie angenommen und abgelehnt haben, wie Sie entschieden haben (Banner, Einstellungen, Signal des Browsers), die Sprache, die Seite, die Version dieser Erklärung und ein Fingerabdruck der Texte, die Ihnen gezeigt wurden. Eine Aufzeichnung enthält weder Ihre IP-Adresse noch die Identität Ihres Browsers. Sie wird {days} nach Ihrer letzten Entscheidung aufbewahrt und dann gelöscht.',
  recordsLocal:
    'Ihre Entscheidungen werden nur in Ihrem Browser aufgezeichnet, damit Sie sie einsehen können; nichts wird an uns gesendet.',
  rightsText:
    'Ihre Einwilligungskennung steht in den Cookie-Einstellungen, mit einer Schaltfläche zum Kopieren; notieren Sie sie, bevor Sie Ihre Einwilligung widerrufen, denn Ihr Browser vergisst sie dann. Um die Aufzeichnung Ihrer Entscheidungen einzusehen oder löschen zu lassen, senden Sie diese Kennung an {contact}: Nur so lassen sie sich finden, denn sie enthalten nichts anderes, das Sie identifiziert.',
  gpcTitle: 'Global Privacy Control',
  gpcRefuse:
    'Wenn Ihr Browser das Signal Global Privacy Control sendet, behandeln wir es als Ablehnung von allem, was nicht unbedingt erforderlich ist: Das Banner erscheint nicht und die Ablehnung wird aufgezeichnet. In den Cookie-Einstellungen können Sie trotzdem einwilligen.',
  gpcIgnore:
    'Diese Website berücksichtigt das Signal Global Privacy Control nicht: Bitte treffen Sie Ihre Wahl im Banner oder in den Cookie-Einstellungen.',
  versionText:
    'Version dieser Erklärung: {policy} (Abschnitt Cookies, Ausgabe {notice}, garde {garde}).',
};
