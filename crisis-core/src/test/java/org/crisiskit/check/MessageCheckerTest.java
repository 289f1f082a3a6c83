package org.crisiskit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.crisiskit.classify.Intent;
import org.crisiskit.playbook.Playbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageCheckerTest {
  private final MessageChecker checker = MessageChecker.forPlaybook(Playbook.sample(), NetworkRules.x());

  private CheckResult check(String text, String lang) {
    return checker.check(OutgoingMessage.newBuilder(text).customerLang(lang).build());
  }

  private static void assertSpan(String text, Finding f, String expected) {
    assertEquals(expected, text.substring(f.start(), f.end()), f.toString());
  }

  @Test
  void cleanMessagesPassInBothLanguages() {
    assertTrue(checker.check(OutgoingMessage.newBuilder("Sentimos mucho el retraso. Te escribimos por mensaje privado.")
        .customerLang("es").intent(Intent.COMPLAINT).replyTo("ana").build()).findings().isEmpty());
    assertTrue(checker.check(OutgoingMessage.newBuilder("We're sorry for the delay. We'll send you a private message.")
        .customerLang("en").intent(Intent.COMPLAINT).replyTo("bob").build()).findings().isEmpty());
  }

  @Test
  void lengthCountsTheHandlePrefix() {
    String text = "a".repeat(275);
    assertTrue(checker.check(OutgoingMessage.of(text)).passes());
    CheckResult r = checker.check(OutgoingMessage.newBuilder(text).replyTo("maria").build());
    Finding f = r.of("length").get(0);
    assertTrue(f.blocking());
    assertEquals(282, r.weightedLength());
    assertTrue(f.message().contains("@maria"), f.message());
    assertEquals(273, f.start()); // "@maria " is 7: text chars 0..272 fit, 273 is the first over
  }

  @Test
  void theHandlePrefixIsTypedOnlyAsAWholeHandle() {
    assertEquals("@ana ", OutgoingMessage.newBuilder("@anabel te escribimos").replyTo("ana").build().handlePrefix());
    assertEquals("@ana ", OutgoingMessage.newBuilder("@ana_b hola").replyTo("ana").build().handlePrefix());
    assertEquals("@ana ", OutgoingMessage.newBuilder("@ana2 hola").replyTo("ana").build().handlePrefix());
    assertEquals("", OutgoingMessage.newBuilder("@Ana, te escribimos").replyTo("ana").build().handlePrefix());
    assertEquals("", OutgoingMessage.newBuilder("@ana").replyTo("@ana").build().handlePrefix());
    String text = "@anabel " + "a".repeat(270); // 278: fits alone, not with the "@ana " the network adds
    assertEquals(283, checker.check(OutgoingMessage.newBuilder(text).replyTo("ana").build()).weightedLength());
  }

  @Test
  void aPrivateMessageIsHeldToTheNetworksPrivateLimit() {
    String text = "a".repeat(600);
    assertTrue(checker.check(OutgoingMessage.newBuilder(text).publicMessage(false).build()).passes());
    Finding pub = checker.check(OutgoingMessage.of(text)).of("length").get(0);
    assertTrue(pub.message().contains("the limit on x is 280"), pub.message());
    CheckResult r = checker.check(OutgoingMessage.newBuilder("b".repeat(10_001)).publicMessage(false).build());
    Finding f = r.of("length").get(0);
    assertTrue(f.blocking());
    assertTrue(f.message().contains("the limit of a private message on x is 10000"), f.message());
    assertEquals(10_000, f.start());
  }

  @Test
  void lengthWeighsUrlsCjkAndEmoji() {
    NetworkRules x = NetworkRules.x();
    assertEquals(23, x.weightedLength("https://acme.example/a/very/long/path/that/is/long"));
    assertEquals(4, x.weightedLength("日本"));
    assertEquals(2, x.weightedLength("\uD83D\uDC4D\uD83C\uDFFD")); // thumbs up, skin tone
    assertEquals(2, x.weightedLength("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67")); // family ZWJ sequence
    assertEquals(5, x.weightedLength("holá!"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\uD83C\uDDEA\uD83C\uDDF8|2", // flag of Spain: two regional indicators
      "1\uFE0F\u20E3|2", // keycap 1
      "#\u20E3|2", // keycap # without the variation selector
      "\u00A9\uFE0F|2", // copyright sign as emoji
      "\u00A9|1", // copyright sign as text
      "\u2764\uFE0F|2", // red heart
      "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB|2", // woman technologist, skin tone, ZWJ
      "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08|2", // rainbow flag
      "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F|2", // Scotland, tags
      "\uD83C\uDDEA\uD83C\uDDF8\uD83C\uDDEB|4", // a flag and a lone regional indicator
      "Hola \uD83C\uDDEA\uD83C\uDDF8 y 1\uFE0F\u20E3!|13",
      "a\u200Db|3"}) // ZWJ between letters is no emoji
  void anEmojiSequenceWeighsTwo(String text, int weight) {
    assertEquals(weight, NetworkRules.x().weightedLength(text), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Tu pedido llegará el {eta}. Gracias.|es|{eta}",
      "Your order arrives on {eta}, thanks.|en|{eta}"})
  void unresolvedPlaceholderBlocks(String text, String lang, String span) {
    CheckResult r = check(text, lang);
    Finding f = r.of("placeholder").get(0);
    assertTrue(f.blocking());
    assertSpan(text, f, span);
  }

  @Test
  void languageMismatchBlocksBothWays() {
    assertTrue(check("We are sorry, we will send you a private message", "es").of("language").get(0).blocking());
    assertTrue(check("Lo sentimos, te escribimos por mensaje privado", "en").of("language").get(0).blocking());
    assertTrue(check("Lo sentimos, te escribimos por mensaje privado", "es").of("language").isEmpty());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Como ya te dijimos, el pedido salió ayer.|es|Como ya te dijimos|true",
      "Cálmate, lo estamos mirando.|es|Cálmate|true",
      "As we already told you, the order left yesterday.|en|As we already told you|true",
      "Please calm down, we are on it.|en|calm down|true",
      "Si sigues así tomaremos acciones legales.|es|acciones legales|true",
      "That is a stupid question.|en|stupid|true",
      "Thanks for nothing, we did our best.|en|Thanks for nothing|false",
      "Obviamente el pedido está en camino.|es|Obviamente|false"})
  void toneIsCheckedInBothLanguages(String text, String lang, String span, boolean blocking) {
    Finding f = check(text, lang).of("tone").get(0);
    assertSpan(text, f, span);
    assertEquals(blocking, f.blocking());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Lo siento, pero es culpa tuya por no leerlo.|es|culpa tuya",
      "Sorry, but it's your fault.|en|your fault",
      "Tu pedido llegará mañana, te lo garantizamos.|es|te lo garantizamos",
      "Delivery guaranteed by tomorrow!|en|guaranteed",
      "That is not our fault, sorry.|en|not our fault"})
  void blameAndPromisesBlock(String text, String lang, String span) {
    Finding f = check(text, lang).of("forbidden").get(0);
    assertTrue(f.blocking());
    assertSpan(text, f, span);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Escríbenos a ana.perez@correo.es y lo vemos.|es|ana.perez@correo.es",
      "Call us back at +34 612 345 678 please.|en|+34 612 345 678",
      "Tu pedido nº 4815162342 ya ha salido.|es|pedido nº 4815162342",
      "Your order #AB-99812 has shipped.|en|order #AB-99812",
      "Lo enviamos a Calle Mayor 12, Madrid.|es|Calle Mayor 12",
      "We sent it to 221 Baker Street yesterday.|en|221 Baker Street",
      "The card 4111 1111 1111 1111 was charged.|en|4111 1111 1111 1111"})
  void personalDataInPublicBlocksAndSuggestsPrivate(String text, String lang, String span) {
    List<Finding> fs = check(text, lang).of("personal_data");
    assertFalse(fs.isEmpty(), text);
    Finding f = fs.get(0);
    assertTrue(f.blocking());
    assertSpan(text, f, span);
    assertTrue(f.suggestion().isPresent());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Llámanos al +34\u00a0612\u00a0345\u00a0678 hoy.|+34\u00a0612\u00a0345\u00a0678|phone number",
      "Llámanos al +34\u202f612\u202f345\u202f678 hoy.|+34\u202f612\u202f345\u202f678|phone number",
      "Tu IBAN ES91 2100 0418 4502 0005 1332 no es correcto|ES91 2100 0418 4502 0005 1332|IBAN",
      "Tu IBAN ES9121000418450200051332.|ES9121000418450200051332|IBAN",
      "IBAN ES91-2100-0418-4502-0005-1332 y gracias|ES91-2100-0418-4502-0005-1332|IBAN",
      "The card 4111.1111.1111.1111 was charged.|4111.1111.1111.1111|card number",
      "DNI 12345678z recibido|12345678z|ID document",
      "DNI 12345678 Z recibido|12345678 Z|ID document",
      "DNI 12345678-Z recibido|12345678-Z|ID document",
      "NIE X-1234567-L recibido|X-1234567-L|ID document",
      "NIE y1234567x recibido|y1234567x|ID document"})
  void personalDataWrittenWithOtherSeparatorsBlocks(String text, String span, String what) {
    List<Finding> fs = MessageChecker.custom().disable("language").build().check(OutgoingMessage.of(text))
        .of("personal_data");
    assertEquals(1, fs.size(), fs.toString());
    assertTrue(fs.get(0).blocking());
    assertSpan(text, fs.get(0), span);
    assertTrue(fs.get(0).message().startsWith(what), fs.get(0).message());
  }

  @Test
  void ibanAndIdNumbersNeedTheirChecksum() {
    MessageChecker c = MessageChecker.custom().disable("language").build();
    for (String t : List.of("Lote ES92 2100 0418 4502 0005 1332 listo", "Code GB33BUKB20201555555556 sent",
        "Llegó hace 12345678 a 9 días", "DNI 12345678 A", "NIE X-1234567-T")) {
      assertTrue(c.check(OutgoingMessage.of(t)).of("personal_data").stream()
          .noneMatch(f -> f.message().startsWith("IBAN") || f.message().startsWith("ID document")), t);
    }
    assertTrue(BuiltInChecks.PersonalData.ibanOk("GB33 BUKB 2020 1555 5555 55"));
    assertFalse(BuiltInChecks.PersonalData.ibanOk("GB33 BUKB 2020 1555 5555 56"));
  }

  @Test
  void aSlashJoinsNumbersItDoesNotMakeOnePhoneOfThem() {
    MessageChecker c = MessageChecker.custom().disable("language").build();
    for (String t : List.of("Nuestro horario es de L-V 9.00-14.00 / 16.00-20.00. Te escribimos por privado.",
        "Abrimos de 9.00-14.00/16.00-20.00", "Tu pedido llegará el 10/12/26 10.30 aprox.",
        "Tallas 36/38/40/42/44 disponibles.", "El lote 2026/12/10-14.30 ya ha salido.")) {
      assertTrue(c.check(OutgoingMessage.of(t)).of("personal_data").isEmpty(), t);
    }
    for (String t : List.of("Hemos llamado al 612 345 678 / 699 876 543 sin respuesta.",
        "Hemos llamado al 612345678/699876543 sin respuesta.")) {
      List<Finding> fs = c.check(OutgoingMessage.of(t)).of("personal_data");
      assertEquals(2, fs.size(), t + " " + fs);
    }
  }

  @Test
  void aDateWithATimeIsNotAPhone() {
    MessageChecker c = MessageChecker.custom().disable("language").build();
    for (String t : List.of("Lo enviamos el 07-12-2026 10:30", "Lo enviamos el 07/12/2026 10:30.",
        "Sale el 2026-12-07 09:15:00", "Delivered on 12/07/2026 at 10:30, thanks")) {
      assertTrue(c.check(OutgoingMessage.of(t)).of("personal_data").isEmpty(), t);
    }
    String text = "El 07-12-2026 10:30 te llamamos al 612 345 678";
    List<Finding> fs = c.check(OutgoingMessage.of(text)).of("personal_data");
    assertEquals(1, fs.size(), fs.toString());
    assertSpan(text, fs.get(0), "612 345 678");
  }

  @Test
  void anAddressAtAnAllowedDomainIsTheBrandsOwn() {
    MessageChecker c = MessageChecker.custom().disable("language").allowedLinks(List.of("acme.es")).build();
    assertTrue(c.check(OutgoingMessage.of("Escríbenos a soporte@acme.es o a ayuda@clientes.acme.es")).passes());
    String text = "Escríbenos a soporte@acme.es, no a ana@acme-es.com";
    List<Finding> fs = c.check(OutgoingMessage.of(text)).of("personal_data");
    assertEquals(1, fs.size(), fs.toString());
    assertSpan(text, fs.get(0), "ana@acme-es.com");
  }

  @Test
  void personalDataIsFineInPrivateExceptCards() {
    OutgoingMessage m = OutgoingMessage.newBuilder("Escríbenos a ana@correo.es o al 612 345 678")
        .publicMessage(false).customerLang("es").build();
    assertTrue(checker.check(m).of("personal_data").isEmpty());
    OutgoingMessage card = OutgoingMessage.newBuilder("card 4111 1111 1111 1111").publicMessage(false).build();
    assertEquals(Level.WARNING, checker.check(card).of("personal_data").get(0).level());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Gracias por escribirnos.|es|BLOCKING",
      "Thanks for writing.|en|BLOCKING",
      "Lo sentimos mucho.|es|WARNING",
      "We'll message you privately.|en|WARNING"})
  void complaintAcknowledgementNeedsApologyAndNextStep(String text, String lang, Level level) {
    CheckResult r = checker.check(OutgoingMessage.newBuilder(text).customerLang(lang).intent(Intent.COMPLAINT).build());
    assertEquals(level, r.of("acknowledgement").get(0).level());
  }

  @Test
  void linksMustBeOnTheAllowList() {
    String text = "Mira https://acme.example/pedidos o bit.ly/xyz";
    CheckResult r = check(text, "es");
    assertEquals(1, r.of("link").size());
    assertSpan(text, r.of("link").get(0), "bit.ly/xyz");
    assertTrue(check("See help.acme.example/orders for details, thanks.", "en").of("link").isEmpty());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Descarga la factura en https://acme-soporte.ru/login|https://acme-soporte.ru/login|acme-soporte.ru",
      "Más info: http://acme-es.de/reembolso.|http://acme-es.de/reembolso|acme-es.de",
      "Entra en www.acme.xyz ya|www.acme.xyz|www.acme.xyz",
      "Entra en http://192.168.1.10/admin|http://192.168.1.10/admin|192.168.1.10",
      "Visita https://acme.es@evil.com/x|https://acme.es@evil.com/x|evil.com",
      "Abre ftp://files.acme.zz/a|ftp://files.acme.zz/a|files.acme.zz"})
  void aLinkWithSchemeOrWwwIsALinkWhateverItsEnding(String text, String span, String host) {
    MessageChecker c = MessageChecker.custom().disable("language").allowedLinks(List.of("acme.es")).build();
    List<Finding> fs = c.check(OutgoingMessage.of(text)).of("link");
    assertEquals(1, fs.size(), text);
    assertSpan(text, fs.get(0), span);
    assertTrue(fs.get(0).message().contains("'" + host + "'"), fs.get(0).message());
  }

  @Test
  void allowedLinksAndNonLinksPass() {
    MessageChecker c = MessageChecker.custom().disable("language").allowedLinks(List.of("acme.es")).build();
    for (String t : List.of("Mira https://acme.es/pedidos o www.acme.es/ayuda.", "Ver p. ej. el file.txt, e.g. this",
        "Visita HTTPS://Ayuda.ACME.es/x")) {
      assertTrue(c.check(OutgoingMessage.of(t)).of("link").isEmpty(), t);
    }
  }

  @Test
  void xCountsEveryLinkItShortensAs23() {
    NetworkRules x = NetworkRules.x();
    assertEquals(23, x.weightedLength("https://acme-soporte.ru/login/with/a/long/path"));
    assertEquals(5 + 23, x.weightedLength("Mira www.acme.xyz/una/ruta/bastante/larga"));
    assertEquals(5 + 23 + 1, x.weightedLength("Mira http://acme-es.de/reembolso/de/tu/pedido."));
    // as twitter-text: an IP address or a user part is not shortened
    assertEquals(25, x.weightedLength("http://192.168.1.10/admin"));
    assertEquals(26, x.weightedLength("https://acme.es@evil.com/x"));
  }

  @Test
  void rejectedCharactersBlock() {
    String text = "Hola\u202Ehola";
    Finding f = check(text, "es").of("characters").get(0);
    assertTrue(f.blocking());
    assertEquals(4, f.start());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"\"\"", "\"   \"", "\" \n\t \"", "\"\u00a0\u202f\u200b\""})
  void aBlankMessageBlocks(String text) {
    CheckResult r = MessageChecker.ofDefaults().check(OutgoingMessage.newBuilder(text).replyTo("ana").build());
    assertTrue(r.blocked());
    Finding f = r.of("empty").get(0);
    assertTrue(f.blocking());
    assertEquals(0, f.start());
    assertEquals(text.length(), f.end());
    assertTrue(MessageChecker.custom().disable("empty").build().check(OutgoingMessage.of(text)).passes());
    assertTrue(MessageChecker.ofDefaults().check(OutgoingMessage.of(" ok ")).of("empty").isEmpty());
  }

  @Test
  void checksCanBeDisabledAndAdded() {
    MessageChecker c = MessageChecker.custom().disable("language").check(new MessageCheck() {
      @Override
      public String name() {
        return "no_exclamation";
      }

      @Override
      public List<Finding> check(OutgoingMessage m) {
        int i = m.text().indexOf('!');
        return i < 0 ? List.of() : List.of(new Finding(name(), Level.WARNING, "exclamation", i, i + 1,
            java.util.Optional.empty()));
      }
    }).build();
    CheckResult r = c.check(OutgoingMessage.newBuilder("We are on it, thanks for the message!").customerLang("es").build());
    assertTrue(r.of("language").isEmpty());
    assertEquals(1, r.of("no_exclamation").size());
  }
}
