import type { NoticeTranslation } from './notice-translation.js';

/** Nederlands. */
export const nl: NoticeTranslation = {
  noticeTitle: 'Cookies en bezoekersmetingen',
  noticeIntro:
    'Deze rubriek somt de cookies en vergelijkbare technologieën op die deze website gebruikt, met hun doel, hun aanbieder en hun bewaartermijn, en legt uit hoe de website haar bezoekers meet. Ze is opgesteld op basis van precies de instellingen die ze op de website regelen, en beschrijft dus wat de website werkelijk doet.',
  controller: '',
  contact: 'onze functionaris voor gegevensbescherming',
  consentTitle: 'Uw toestemming',
  consentText:
    'Wij slaan alleen informatie op uw toestel op, of lezen die uit, wanneer dat strikt noodzakelijk is om de website aan te bieden, tenzij u met meer instemt. Weigeren is even eenvoudig als aanvaarden en beperkt uw gebruik van de website niet. U kunt uw keuze altijd wijzigen; de intrekking van uw toestemming doet geen afbreuk aan wat eerder gebeurde, maar alles wat ervan afhing, stopt.',
  changeText: 'Om uw keuze te wijzigen of uw toestemming in te trekken:',
  alwaysOn: 'Altijd actief: strikt noodzakelijk, dus zonder toestemming.',
  onlyWithConsent: 'Alleen met uw toestemming.',
  serviceBy: '{service}, aangeboden door {provider}.',
  tableCaption: '{category}: cookies en opslag',
  name: 'Naam',
  notStated: 'Niet vermeld',
  consentTool: 'Toestemmingstool',
  measureTitle: 'Wat wij meten',
  measureBefore:
    'Zolang u geen keuze hebt gemaakt, wordt elke bekeken pagina anoniem geteld, zonder cookie en zonder iets op uw toestel op te slaan. Wij ontvangen het adres van de pagina {query}, het domein van de website waar u vandaan komt, de taal van de pagina en de breedte van uw venster in ruime klassen; uit het verzoek zelf, de familie van uw browser en van uw besturingssysteem. Uw IP-adres wordt niet gelezen. Alleen dagelijkse tellers worden bewaard.',
  queryKept: 'zonder zijn parameters, behalve {parameters}',
  queryDropped: 'zonder zijn parameters',
  measureBeforeNone:
    'Zolang u geen toestemming hebt gegeven, wordt niets verstuurd om bezoekers te meten.',
  measureAfter:
    'Met uw toestemming voor ‘{category}’ wordt elke bekeken pagina geregistreerd met het tijdstip, het adres van de pagina, de familie en de hoofdversie van uw browser en besturingssysteem, de taal, de breedte van uw venster in klassen en uw netwerk, beperkt tot het eerste deel (de helft van een IPv4-adres), nooit uw volledige IP-adres. Deze gegevens worden {days} bewaard; daarna blijven alleen dagtotalen over.',
  extrasIntro: 'Elke registratie bevat bovendien:',
  extraReferrer: 'het adres van de pagina waar u vandaan komt, zonder zijn parameters',
  extraMinor: 'de subversie van uw browser',
  extraScreen: 'de afmetingen van uw scherm',
  extraSession:
    'een willekeurige code van uw bezoek, in uw browser bewaard tot u het tabblad sluit (garde.sid)',
  extraPersistentId:
    'een willekeurige code die uw browser bij latere bezoeken herkent, bewaard tot u uw toestemming intrekt (garde.uid)',
  measureRefused:
    'Als u weigert of uw toestemming intrekt, wordt helemaal niets meer verstuurd om bezoekers te meten, zelfs geen anonieme telling.',
  measureNone:
    'Deze website meet haar bezoekers niet zelf; alleen de hierboven vermelde diensten mogen dat doen, en alleen met uw toestemming.',
  recordsTitle: 'Registratie van uw keuzes',
  recordsText:
    'Om uw toestemming te kunnen aantonen (artikel 7, lid 1, van de AVG) wordt elke keuze die u maakt op onze server geregistreerd: een willekeurige toestemmingscode, de datum en het uur, wat u hebt aanvaard en geweigerd, hoe u hebt gekozen (banner, instellingen, signaal van de browser), de taal, de pagina, de versie van deze verklaring en een vingerafdruk van de teksten die u te zien kreeg. Een registratie bevat noch uw IP-adres noch de identiteit van uw browser. Ze wordt {days} na uw laatste keuze bewaard en daarna verwijderd.',
  recordsLocal:
    'Uw keuzes worden alleen in uw browser geregistreerd, zodat u ze kunt inzien; niets wordt naar ons verstuurd.',
  rightsText:
    'Uw toestemmingscode staat in de cookie-instellingen, met een knop om ze te kopiëren; noteer ze voordat u uw toestemming intrekt, want uw browser vergeet ze dan. Om de registratie van uw keuzes in te zien of te laten verwijderen, bezorgt u deze code aan {contact}: dat is de enige manier om ze terug te vinden, want ze bevatten niets anders dat u identificeert.',
  gpcTitle: 'Global Privacy Control',
  gpcRefuse:
    'Als uw browser het signaal Global Privacy Control verstuurt, beschouwen wij dat als een weigering van alles wat niet strikt noodzakelijk is: de banner verschijnt niet en de weigering wordt geregistreerd. U kunt in de cookie-instellingen nog altijd toestemming geven.',
  gpcIgnore:
    'Deze website houdt geen rekening met het signaal Global Privacy Control: maak uw keuze in de banner of in de cookie-instellingen.',
  versionText:
    'Versie van deze verklaring: {policy} (rubriek cookies, editie {notice}, garde {garde}).',
};
