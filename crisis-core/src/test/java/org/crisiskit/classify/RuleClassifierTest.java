package org.crisiskit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleClassifierTest {
  private final Classifier classifier = Classifiers.defaultClassifier();

  private Classification c(String text) {
    return classifier.classify(text, Optional.empty());
  }

  @Test
  void politeComplaintIsAComplaintNotPraise() {
    Classification r = c("@acme still no refund, please help");
    assertEquals(Intent.COMPLAINT, r.intent());
    assertEquals(Polarity.NEGATIVE, r.polarity());
    assertTrue(r.topics().contains(Topics.BILLING), r.topics().toString());
    assertTrue(r.reasons().stream().anyMatch(s -> s.contains("still no")), r.reasons().toString());
  }

  @Test
  void politeComplaintWithThanksStaysAComplaint() {
    Classification r = c("Hi @acme, I have been waiting for my package for 2 weeks. Thanks in advance!");
    assertEquals(Intent.COMPLAINT, r.intent());
    assertTrue(r.topics().contains(Topics.DELIVERY), r.topics().toString());
  }

  @Test
  void spanishComplaintWithQuestionAndHashtag() {
    Classification r = c("¿Cuándo llega mi pedido? Llevo 2 semanas esperando y nadie me responde #PésimoServicio");
    assertEquals(Intent.COMPLAINT, r.intent());
    assertEquals("es", r.lang());
    assertEquals(Polarity.NEGATIVE, r.polarity());
    assertTrue(r.topics().contains(Topics.DELIVERY));
    assertTrue(r.topics().contains(Topics.CUSTOMER_SERVICE));
  }

  @Test
  void praise() {
    Classification r = c("Thank you @acme, the team was AMAZING!!! :)");
    assertEquals(Intent.PRAISE, r.intent());
    assertEquals(Polarity.POSITIVE, r.polarity());
    assertEquals("en", r.lang());
    Classification es = c("Muchas gracias, el servicio fue excelente 😍");
    assertEquals(Intent.PRAISE, es.intent());
    assertEquals("es", es.lang());
  }

  @Test
  void obfuscatedAbuseIsFound() {
    for (String text : List.of("you are all f*cking id10ts", "what a bunch of 1d10ts", "sh!t company",
        "sois unos i.d.i.o.t.a.s", "pinche3s p3nd3jos")) {
      Classification r = c(text);
      assertTrue(r.abusive(), text + " -> " + r);
    }
    assertEquals(Intent.ABUSE, c("you are all f*cking id10ts").intent());
    assertFalse(c("my order is late").abusive());
  }

  @Test
  void complaintWithInsultIsStillAComplaintButAbusive() {
    Classification r = c("@acme my package never arrived, you idiots, I want a refund");
    assertEquals(Intent.COMPLAINT, r.intent());
    assertTrue(r.abusive());
  }

  @Test
  void negationFlipsPolarity() {
    assertEquals(Polarity.POSITIVE, c("the new app is good").polarity());
    assertEquals(Polarity.NEGATIVE, c("the new app is not good").polarity());
    assertEquals(Polarity.POSITIVE, c("me gusta la nueva app").polarity());
    assertEquals(Polarity.NEGATIVE, c("no me gusta la nueva app").polarity());
  }

  @Test
  void contrastWeighsTheClauseAfterBut() {
    assertTrue(c("the food was good but the service was terrible").sentiment() < 0);
    assertTrue(c("the service was terrible but the food was great").sentiment() > 0);
  }

  @Test
  void elongationAndSuperlativeAreNormalized() {
    Classification r = c("malísimooo el servicio");
    assertEquals(Polarity.NEGATIVE, r.polarity());
    assertTrue(c("gooood job").sentiment() > c("good job").sentiment() - 1e-9);
  }

  @Test
  void intensifiersStrengthen() {
    assertTrue(c("the support is very good").sentiment() > c("the support is good").sentiment());
    assertTrue(c("el soporte es muy bueno").sentiment() > c("el soporte es bueno").sentiment());
  }

  @Test
  void flags() {
    assertTrue(c("pésimo servicio, me cambio a otra compañía").flags().contains(Flag.CHURN_THREAT));
    assertTrue(c("I will cancel my account today").flags().contains(Flag.CHURN_THREAT));
    assertTrue(c("my lawyer will hear about this").flags().contains(Flag.LEGAL_THREAT));
    assertTrue(c("voy a poner una denuncia en consumo").flags().contains(Flag.LEGAL_THREAT));
    assertTrue(c("the charger caught fire in my kitchen").flags().contains(Flag.HEALTH_SAFETY_RISK));
    assertTrue(c("I am sending this to the press").flags().contains(Flag.MEDIA_EXPOSURE));
    assertTrue(c("nice weather today").flags().isEmpty());
  }

  @Test
  void questions() {
    Classification r = c("how do I reset my password?");
    assertEquals(Intent.QUESTION, r.intent());
    assertTrue(r.topics().contains(Topics.ACCOUNT_ACCESS));
    assertEquals(Intent.QUESTION, c("¿Dónde puedo ver mi factura?").intent());
  }

  @Test
  void sensitiveTopics() {
    Classification r = c("Who will you vote for in the presidential election?");
    assertTrue(r.sensitive());
    assertEquals(Intent.SENSITIVE, r.intent());
    assertTrue(c("el atentado terrorista de hoy, todas las víctimas en mi corazón").sensitive());
  }

  @Test
  void languageFromHintOrText() {
    assertEquals("es", classifier.classify("ok", Optional.of("es")).lang());
    assertEquals("en", classifier.classify("ok", Optional.of("en-GB")).lang());
    assertEquals("es", c("el pedido no ha llegado todavía").lang());
    assertEquals("en", c("the order has not arrived yet").lang());
    assertEquals("ar", c("مرحبا بكم في خدمة العملاء").lang());
    assertEquals("und", c("🙂🙂").lang());
  }

  @Test
  void playbookTopicsWithKeywordsPerLanguage() {
    Classifier custom = Classifiers.create(ClassifierConfig.custom()
        .extraTopic("roaming", Map.of("en", List.of("roaming", "data abroad"), "es", List.of("itinerancia")))
        .build());
    assertTrue(custom.classify("no data abroad since yesterday", Optional.empty()).topics().contains("roaming"));
    assertTrue(custom.classify("la itinerancia no funciona", Optional.empty()).topics().contains("roaming"));
    assertFalse(classifier.classify("la itinerancia no funciona", Optional.empty()).topics().contains("roaming"));
  }

  @Test
  void aCueOfOneLanguageFiresOnlyInTextsOfThatLanguage() {
    Classification light = classifier.classify("why is my red light blinking?", Optional.of("en"));
    assertFalse(light.topics().contains(Topics.OUTAGE), light.reasons().toString());
    Classification shorts = classifier.classify("I love my new cargo shorts", Optional.empty());
    assertEquals("en", shorts.lang());
    assertFalse(shorts.topics().contains(Topics.BILLING), shorts.reasons().toString());
    // in Spanish texts the Spanish cues still fire
    Classification red = classifier.classify("no tengo red desde ayer", Optional.empty());
    assertEquals("es", red.lang());
    assertTrue(red.topics().contains(Topics.OUTAGE), red.reasons().toString());
    Classification cargo = c("me pusieron un cargo que no reconozco");
    assertTrue(cargo.topics().contains(Topics.BILLING), cargo.reasons().toString());
    // cues given for both languages fire in either
    assertTrue(classifier.classify("this app is trash", Optional.of("en")).abusive());
    assertTrue(classifier.classify("esta app es basura", Optional.of("es")).abusive());
    // English swearing counts in Spanish texts too (a loanword there), Spanish swearing not in English ones
    assertTrue(classifier.classify("qué servicio de shit", Optional.of("es")).abusive());
    assertFalse(classifier.classify("my gilipollas cousin is visiting", Optional.of("en")).abusive());
    // a disguised spelling is abuse in either language, whichever word its skeleton found
    for (String text : List.of("you are all st0p1d", "bunch of 1d0ts", "what an 1mb3c1l", "so st@p1d")) {
      assertTrue(classifier.classify(text, Optional.of("en")).abusive(), text);
      assertTrue(classifier.classify(text, Optional.of("es")).abusive(), text);
    }
    // a text of undetermined language reads the cues of both
    Classification und = c("cargo");
    assertEquals("und", und.lang());
    assertTrue(und.topics().contains(Topics.BILLING), und.reasons().toString());
    // and so do playbook keywords: those given for one language fire in its texts only
    Classifier custom = Classifiers.create(ClassifierConfig.custom()
        .extraTopic("roaming", Map.of("en", List.of("roaming"), "es", List.of("itinerancia"),
            "fr", List.of("itinérance")))
        .build());
    assertTrue(custom.classify("la itinerancia no funciona", Optional.empty()).topics().contains("roaming"));
    assertFalse(custom.classify("the itinerancia is not in my plan", Optional.of("en")).topics().contains("roaming"));
    assertTrue(custom.classify("roaming is not working", Optional.empty()).topics().contains("roaming"));
    assertFalse(custom.classify("el roaming no funciona", Optional.of("es")).topics().contains("roaming"));
    assertTrue(custom.classify("the itinérance is not working", Optional.of("en")).topics().contains("roaming"));
    assertTrue(custom.classify("itinerancia", Optional.empty()).topics().contains("roaming"));
  }

  @Test
  void enyeIsALetterOfItsOwnAndItsNSpellingStillMatches() {
    // "peña" (a group of friends) is not "pena" (sorrow)
    Classification pena = c("la peña del barrio se junta hoy");
    assertEquals(Polarity.NEUTRAL, pena.polarity(), pena.reasons().toString());
    assertEquals(Intent.NEUTRAL, pena.intent());
    for (String text : List.of("la peñita del barrio se junta hoy", "la peñaaa del barrio se junta hoy",
        "LA PEÑA DEL BARRIO SE JUNTA HOY")) {
      assertEquals(Polarity.NEUTRAL, c(text).polarity(), text + " " + c(text).reasons());
    }
    assertEquals(Polarity.NEGATIVE, c("qué pena, la peña no se junta hoy").polarity());
    assertEquals(Polarity.NEGATIVE, c("qué penita me da").polarity());
    // an ñ-word typed without its ñ is still found, when the n-spelling is no word of its own
    for (String text : List.of("olvidé mi contraseña otra vez", "olvidé mi contrasena otra vez", "OLVIDÉ MI CONTRASEÑA")) {
      assertTrue(c(text).topics().contains(Topics.ACCOUNT_ACCESS), text);
    }
    // and so are playbook keywords
    Classifier custom = Classifiers.create(ClassifierConfig.custom()
        .extraTopic("sizes", Map.of("es", List.of("tamaño equivocado", "pequeño"))).build());
    for (String text : List.of("me llegó un tamaño equivocado", "me llego un tamano equivocado", "es muy pequeño",
        "es muy pequeno")) {
      assertTrue(custom.classify(text, Optional.empty()).topics().contains("sizes"), text);
    }
    Classifier sorrow = Classifiers.create(ClassifierConfig.custom()
        .extraTopic("sorrow", Map.of("es", List.of("pena"))).build());
    assertTrue(sorrow.classify("qué pena", Optional.empty()).topics().contains("sorrow"));
    assertFalse(sorrow.classify("la peñita del barrio", Optional.empty()).topics().contains("sorrow"));
  }

  @Test
  void urlsAndHandlesCarryNoSentiment() {
    Classification r = c("@great_deals https://example.com/awesome");
    assertEquals(Polarity.NEUTRAL, r.polarity());
    assertEquals(Intent.NEUTRAL, r.intent());
  }


  @Test
  void spanishIdiomsAndInterjectionsCarryPolarity() {
    Classification fedUp = c("estoy hasta los huevos de este tema");
    assertEquals(Polarity.NEGATIVE, fedUp.polarity());
    assertTrue(fedUp.reasons().contains("negative word 'hasta los huevos'"), fedUp.reasons().toString());
    assertEquals(Polarity.NEGATIVE, c("lo siento mucho por tu pérdida").polarity());
    assertEquals(Polarity.NEGATIVE, c("te echo de menos").polarity());
    assertEquals(Polarity.POSITIVE, c("me alegro mucho por vosotros").polarity());
    assertEquals(Polarity.POSITIVE, c("qué temazo acaba de salir").polarity());
  }

  @Test
  void spanishFunctionWordsThatSentiConScoresAreNeutral() {
    // "si" (if), "vamos", "vaya", "ido" carry a SentiCon polarity that they do not have in tweets
    for (String text : List.of("si mañana llueve nos vemos en el cine", "vamos al cine el viernes",
        "se ha ido a su casa")) {
      Classification r = c(text);
      assertEquals(Polarity.NEUTRAL, r.polarity(), text);
      assertEquals(0.0, r.sentiment(), 1e-9, text);
    }
  }

  @Test
  void neutralWordsTakeNoEmphasis() {
    // caps, elongation and boosters scale a sentiment word; on a neutral word they must not invent one
    for (String text : List.of("siiiii tío el viernes te invito", "el servicio es muy claro",
        "NEW STORE opening on Friday")) {
      assertEquals(0.0, c(text).sentiment(), 1e-9, text);
      assertEquals(Polarity.NEUTRAL, c(text).polarity(), text);
    }
  }

  @Test
  void weakEvidenceIsNeutralAndStrongEvidenceIsNot() {
    assertEquals(Polarity.NEUTRAL, c("hmm okay").polarity());
    assertEquals(Polarity.NEUTRAL, c("the meeting is at 5pm tomorrow in the main hall").polarity());
    assertEquals(Polarity.POSITIVE, c("this movie is so good, I love it").polarity());
    assertEquals(Polarity.NEGATIVE, c("this movie is awful, I hate it").polarity());
    assertEquals(Polarity.POSITIVE, c("esta película es buenísima, me encanta").polarity());
    assertEquals(Polarity.NEGATIVE, c("esta película es malísima, qué asco").polarity());
  }

  @Test
  void englishTextTakesNoValenceFromTheSpanishLexicons() {
    // "pena" and "mal" are Spanish sentiment words; in an English text they are names, not opinions
    Classification r = classifier.classify("Pena and Mal will present the quarterly report", Optional.of("en"));
    assertEquals(0.0, r.sentiment(), 1e-9);
    assertEquals(Polarity.NEUTRAL, r.polarity());
  }

  @Test
  void aValencePhraseCountsItsWordsOnce() {
    // "care" alone is VADER-positive; in "customer care" it names a department
    Classification care = classifier.classify("customer care replied to my email", Optional.of("en"));
    assertEquals(0.0, care.sentiment(), 1e-9);
    assertEquals(Polarity.NEUTRAL, care.polarity());
    // "qué asco" is scored as the phrase (-2.5), not as the phrase plus "asco" (-3) again
    RuleClassifier rules = new RuleClassifier(Lexicon.defaults());
    Analysis a = rules.analyze("qué asco", Optional.of("es"));
    assertEquals(-2.5, a.sum, 1e-6);
    assertEquals(1, a.nNeg);
  }

  @Test
  void namesAreNotOpinions() {
    Classification r = classifier.classify("United Nations meeting in Geneva on Monday", Optional.of("en"));
    assertEquals(0.0, r.sentiment(), 1e-9);
    assertEquals(Polarity.NEUTRAL, r.polarity());
    Classification es = classifier.classify("Maduro habla hoy en la tele", Optional.of("es"));
    assertEquals(0.0, es.sentiment(), 1e-9, es.reasons().toString());
    assertEquals(Polarity.NEUTRAL, es.polarity());
  }

  @Test
  void spanishWordFormsFindTheirLemma() {
    // enclitic pronouns on verbs (accents folded), diminutives, -mente adverbs
    Map<String, String> lemmas = Map.of(
        "Sigo odiándome", "odiar",
        "Quiero matarme", "matar",
        "Qué cosa más feíta", "feo",
        "Qué pobrecito", "pobre",
        "Un examen jodidamente largo", "jodida",
        "Unas condiciones atroces", "atroz");
    lemmas.forEach((text, lemma) -> {
      Classification r = classifier.classify(text, Optional.of("es"));
      assertEquals(Polarity.NEGATIVE, r.polarity(), text + " " + r.reasons());
      assertTrue(r.reasons().contains("negative word '" + lemma + "'"), text + " " + r.reasons());
    });
  }

  @Test
  void unknownSpanishWordsStayUnknown() {
    // a word is only read as a form of a lexicon word when its ending is a real suffix
    for (String text : List.of("La visita de mañana", "Una frase corta", "Mi cuarto")) {
      Classification r = classifier.classify(text, Optional.of("es"));
      assertEquals(0.0, r.sentiment(), 1e-9, text + " " + r.reasons());
    }
  }

  @Test
  void emojiCarryTheWritersFeelingOutsideNegation() {
    Classification es = classifier.classify("Me quedé sin entradas 😢", Optional.of("es"));
    assertEquals(Polarity.NEGATIVE, es.polarity(), es.reasons().toString());
    assertTrue(es.reasons().contains("negative word '😢'"), es.reasons().toString());
    Classification en = classifier.classify("Monday morning again 🤬", Optional.of("en"));
    assertEquals(Polarity.NEGATIVE, en.polarity(), en.reasons().toString());
  }

  @Test
  void flagsAndLoneLettersCarryNoValence() {
    Classification r = classifier.classify("Hoy toca votar 🇪🇸 #EleccionesL6", Optional.of("es"));
    assertEquals(0.0, r.sentiment(), 1e-9, r.reasons().toString());
    assertEquals(Polarity.NEUTRAL, r.polarity());
  }

  @Test
  void contractionsWithWillAndWouldAreThePronoun() {
    // "I'll" is not "ill" (a health risk), "he'll" not "hell"
    for (String text : List.of("I'll call them tomorrow", "He\u2019ll be there at noon", "We'd go on Monday")) {
      Classification r = classifier.classify(text, Optional.of("en"));
      assertEquals(0.0, r.sentiment(), 1e-9, text + " " + r.reasons());
      assertTrue(r.flags().isEmpty(), text + " " + r.flags());
      assertFalse(r.abusive(), text);
    }
    Classification ill = classifier.classify("I feel ill", Optional.of("en"));
    assertEquals(Polarity.NEGATIVE, ill.polarity(), ill.reasons().toString());
  }

  @Test
  void negatorsInIdiomsDoNotNegate() {
    for (String text : List.of("No hay mejor manera de empezar el día", "Sin duda el mejor concierto del año")) {
      Classification r = classifier.classify(text, Optional.of("es"));
      assertEquals(Polarity.POSITIVE, r.polarity(), text + " " + r.reasons());
      assertFalse(r.reasons().contains("negated 'mejor'"), text + " " + r.reasons());
    }
    Classification en = classifier.classify("no worries, see you then", Optional.of("en"));
    assertEquals(Polarity.POSITIVE, en.polarity(), en.reasons().toString());
  }

  @Test
  void negationStopsAtTheEndOfASentence() {
    Classification en = classifier.classify("Excited is not the word. Frustrated is the right one", Optional.of("en"));
    assertEquals(Polarity.NEGATIVE, en.polarity(), en.reasons().toString());
    assertTrue(en.reasons().contains("negative word 'frustrated'"), en.reasons().toString());
    Classification es = classifier.classify("¿Aburrido? No. Me encanta mi trabajo", Optional.of("es"));
    assertTrue(es.reasons().contains("positive word 'encanta'"), es.reasons().toString());
    assertTrue(es.sentiment() > 0, es.reasons().toString());
  }

  @Test
  void aCommaEndsANegation() {
    Classification r = classifier.classify("no me gusta nada, es horrible", Optional.of("es"));
    assertEquals(Polarity.NEGATIVE, r.polarity(), r.reasons().toString());
    assertTrue(r.reasons().contains("negated 'gusta'"), r.reasons().toString());
    assertFalse(r.reasons().contains("negated 'horrible'"), r.reasons().toString());
  }

  @Test
  void aLineBreakEndsANegation() {
    // a line break, also one escaped twice in exported text (a backslash, then n or r)
    for (String br : List.of("\n", "\r\n", "\r", "\u2028", "\u2029", "\\u000a", "\\n", "\\r\\n")) {
      Classification es = c("No" + br + "Me encanta");
      assertEquals(Polarity.POSITIVE, es.polarity(), br + " " + es.reasons());
      assertEquals(Intent.PRAISE, es.intent(), br + " " + es.reasons());
      assertFalse(es.reasons().contains("negated 'encanta'"), br + " " + es.reasons());
      Classification en = c("I do not like it" + br + "Great service");
      assertEquals(Polarity.POSITIVE, en.polarity(), br + " " + en.reasons());
      assertEquals(Intent.PRAISE, en.intent(), br + " " + en.reasons());
      assertFalse(en.reasons().contains("negated 'great'"), br + " " + en.reasons());
      assertTrue(en.reasons().contains("positive word 'great'"), br + " " + en.reasons());
    }
    // other white space still lets a negation reach the next word
    for (String tab : List.of("it is not\tgood", "it is not\\tgood")) {
      assertTrue(c(tab).reasons().contains("negated 'good'"), tab + " " + c(tab).reasons());
    }
    // a backslash before another letter stays a backslash
    assertEquals(c("a\\b is not good").polarity(), Polarity.NEGATIVE);
  }

  @Test
  void aPhraseDoesNotSpanAClauseBreak() {
    Classification es = c("Gracias! No, llega mañana sin problema");
    assertFalse(es.reasons().contains("complaint cue 'no llega'"), es.reasons().toString());
    assertFalse(es.intent() == Intent.COMPLAINT, es.reasons().toString());
    for (String text : List.of("still. no refund", "still, no refund", "still\nno refund", "still! no refund")) {
      Classification en = c(text);
      assertFalse(en.reasons().contains("complaint cue 'still no'"), text + " " + en.reasons());
    }
    // within a clause the phrases still match
    assertTrue(c("todavía no llega mi pedido").reasons().contains("complaint cue 'no llega'"));
    assertTrue(c("still no refund").reasons().contains("complaint cue 'still no'"));
  }

  @Test
  void wordsThatOnlyLookLikeCuesCarryNone() {
    // "hija" is no laughter, "ratito" no rat, "30mins" no disguised insult, "Dulles" no "dull"
    for (String text : List.of("mi hija", "espera un ratito", "delayed 30mins", "landed at Dulles")) {
      Classification r = c(text);
      assertFalse(r.abusive(), text + " " + r.reasons());
      assertEquals(List.of(), r.reasons().stream().filter(s -> s.contains(" word ")).toList(), text);
    }
  }

  @Test
  void anIntensifierHasNoValenceOfItsOwn() {
    Classification r = classifier.classify("so fucking excited", Optional.of("en"));
    assertEquals(Polarity.POSITIVE, r.polarity(), r.reasons().toString());
    assertTrue(r.abusive(), "the word stays rude");
    assertFalse(r.reasons().contains("negative word 'fucking'"), r.reasons().toString());
  }

  @Test
  void idiomsAreReadAsWholes() {
    Classification thanks = classifier.classify("great, another cancelled flight. thanks for nothing", Optional.of("en"));
    assertEquals(Polarity.NEGATIVE, thanks.polarity(), thanks.reasons().toString());
    assertEquals(Intent.COMPLAINT, thanks.intent(), thanks.reasons().toString());
    Classification greeting = classifier.classify("buenos días a todos", Optional.of("es"));
    assertFalse(greeting.reasons().stream().anyMatch(s -> s.startsWith("complaint cue")), greeting.reasons().toString());
    Classification title = classifier.classify("watching The Walking Dead tonight", Optional.of("en"));
    assertEquals(Polarity.NEUTRAL, title.polarity(), title.reasons().toString());
  }

  @Test
  void doubleEscapedTextIsDecoded() {
    Classification r = classifier.classify("I don\\u2019t love it", Optional.of("en"));
    assertEquals(Polarity.NEGATIVE, r.polarity(), r.reasons().toString());
    assertTrue(r.reasons().contains("negated 'love'"), r.reasons().toString());
    char[] t = "one\\u002c two \\u12 \\x".toCharArray();
    int n = RuleEngine.unescape(t, t.length);
    assertEquals("one, two \\u12 \\x", new String(t, 0, n));
  }
  @Test
  void bundledModelDecidesPolarityAndKeepsTheRulesForTheRest() {
    Classifier bundled = Classifiers.bundledModel();
    assertEquals(Polarity.POSITIVE, bundled.classify("I love this, what a great day", Optional.empty()).polarity());
    assertEquals(Polarity.NEGATIVE, bundled.classify("this is awful, I hate it", Optional.empty()).polarity());
    Classification r = bundled.classify("@acme still no refund, please help", Optional.empty());
    assertEquals(Intent.COMPLAINT, r.intent());
    assertTrue(r.topics().contains(Topics.BILLING));
  }
}
