import type { NoticeTranslation } from './notice-translation.js';

/** English. */
export const en: NoticeTranslation = {
  noticeTitle: 'Cookies and audience measurement',
  noticeIntro:
    'This section lists the cookies and similar technologies this site uses, with their purpose, provider and lifetime, and explains how the site measures its audience. It is drawn up from the very settings that govern them on the site, so it describes what the site actually does.',
  controller: '',
  contact: 'our data protection officer',
  consentTitle: 'Your consent',
  consentText:
    'We store or read information on your device only when it is strictly necessary to provide the site, unless you agree to more. Refusing is as easy as accepting and does not limit your use of the site. You can change your mind at any time; withdrawing your consent does not affect what was done before, but everything that depended on it stops.',
  changeText: 'To change your choice or withdraw your consent:',
  alwaysOn: 'Always active: strictly necessary, so no consent is needed.',
  onlyWithConsent: 'Only with your consent.',
  serviceBy: '{service}, provided by {provider}.',
  tableCaption: '{category}: cookies and storage',
  name: 'Name',
  notStated: 'Not stated',
  consentTool: 'Consent tool',
  measureTitle: 'What we measure',
  measureBefore:
    'Until you choose, each page you view is counted anonymously, without any cookie and without storing anything on your device. We receive the address of the page {query}, the domain of the site you came from, the language of the page and the width of your window in broad bands; from the request itself, the family of your browser and of your operating system. Your IP address is not read. Only daily counters are kept.',
  queryKept: 'without its query string, except the parameters {parameters}',
  queryDropped: 'without its query string',
  measureBeforeNone: 'Until you consent, nothing is sent for audience measurement.',
  measureAfter:
    'With your consent to “{category}”, each page you view is recorded with its time, the address of the page, the family and major version of your browser and operating system, the language, the width of your window in bands and your network reduced to its first part (half of an IPv4 address), never your full IP address. These records are kept for {days}; after that, only daily totals remain.',
  extrasIntro: 'Each record also holds:',
  extraReferrer: 'the address of the page you came from, without its query string',
  extraMinor: 'the minor version of your browser',
  extraScreen: 'the size of your screen',
  extraSession:
    'a random identifier of your visit, kept in your browser until you close the tab (garde.sid)',
  extraPersistentId:
    'a random identifier that recognises your browser on later visits, kept until you withdraw your consent (garde.uid)',
  measureRefused:
    'If you refuse, or withdraw your consent, nothing at all is sent for audience measurement, not even an anonymous count.',
  measureNone:
    'This site does not measure its audience itself; only the services listed above may, and only with your consent.',
  recordsTitle: 'Records of your choices',
  recordsText:
    'To be able to prove your consent (Article 7(1) of the GDPR), each choice you make is recorded on our server: a random consent identifier, the date and time, what you accepted and what you refused, how you chose (banner, settings, browser signal), the language, the page, the version of this notice and a fingerprint of the texts you were shown. A record holds neither your IP address nor the identity of your browser. It is kept for {days} after your last choice, then erased.',
  recordsLocal:
    'Your choices are recorded only in your browser, so that you can see them; nothing is sent to us.',
  rightsText:
    'Your consent identifier is shown in the cookie settings, with a button to copy it; note it before withdrawing your consent, since your browser forgets it then. To see the records of your choices or to have them erased, send this identifier to {contact}: it is the only way to find them, since they hold nothing else that identifies you.',
  gpcTitle: 'Global Privacy Control',
  gpcRefuse:
    'If your browser sends the Global Privacy Control signal, we treat it as a refusal of everything that is not strictly necessary: the banner is not shown and the refusal is recorded. You can still give your consent in the cookie settings.',
  gpcIgnore:
    'This site does not act on the Global Privacy Control signal: please make your choice in the banner or in the cookie settings.',
  versionText:
    'Version of this notice: {policy} (cookie section, edition {notice}, garde {garde}).',
};
