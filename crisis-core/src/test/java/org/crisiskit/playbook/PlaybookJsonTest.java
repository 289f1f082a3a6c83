package org.crisiskit.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.crisiskit.classify.Intent;
import org.junit.jupiter.api.Test;

class PlaybookJsonTest {
  private static String minimal(String extra) {
    return "{\n"
        + "  \"languages\": [\"es\", \"en\"],\n"
        + "  \"defaultDepartment\": \"care\"" + (extra.isEmpty() ? "" : ",\n" + extra) + "\n"
        + "}\n";
  }

  @Test
  void sampleLoadsWithBothLanguagesAndEveryRuleType() {
    Playbook p = Playbook.sample();
    assertEquals(List.of("es", "en"), p.languages());
    assertEquals("customer_care", p.defaultDepartment());
    assertFalse(p.routes().isEmpty());
    assertFalse(p.escalations().isEmpty());
    assertFalse(p.neverAnswer().isEmpty());
    assertFalse(p.facts().isEmpty());
    assertEquals(Optional.of("GRACIAS10"), p.thankYou().rewardCode());
    assertEquals(Duration.ofHours(48), p.followUpDelay());
    assertTrue(p.publicOutcomeRequired());
    for (String lang : p.languages()) {
      for (Intent i : List.of(Intent.COMPLAINT, Intent.QUESTION, Intent.PRAISE)) {
        assertTrue(p.templates().stream().anyMatch(t -> t.lang().equals(lang) && t.intent().equals(Optional.of(i))),
            i + " template in " + lang);
      }
    }
  }

  @Test
  void sampleCheckHasNoErrors() {
    String json = new String(readSample());
    assertTrue(PlaybookJson.check(json, "sample").stream().allMatch(PlaybookProblem::warning));
  }

  @Test
  void repositorySampleEqualsTheEmbeddedOne() throws Exception {
    java.nio.file.Path repo = java.nio.file.Path.of("..", "samples", "playbook.json");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(repo), "run from the module directory");
    assertEquals(new String(readSample(), java.nio.charset.StandardCharsets.UTF_8),
        java.nio.file.Files.readString(repo), "samples/playbook.json and the core resource must stay identical");
  }

  private static byte[] readSample() {
    try (var in = Playbook.class.getResourceAsStream("sample-playbook.json")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void misspeltTopicNamesFileLinePathAndSuggestion() {
    String json = minimal("  \"routes\": [\n"
        + "    {\"when\": {\"topic\": \"billing\"}, \"department\": \"billing\"},\n"
        + "    {\"when\": {\"topic\": \"delivry\"}, \"department\": \"logistics\"}\n"
        + "  ]");
    PlaybookFormatException e = assertThrows(PlaybookFormatException.class, () -> PlaybookJson.parse(json, "pb.json"));
    assertEquals(1, e.problems().size());
    PlaybookProblem p = e.problems().get(0);
    assertEquals("routes[1].when.topic", p.path());
    assertEquals(6, p.line());
    assertEquals("pb.json:6: routes[1].when.topic: unknown topic 'delivry' \u2014 did you mean 'delivery'? "
        + "(declare the playbook's own topics in \"topics\")", p.toString());
  }

  @Test
  void misspeltFieldIsAnErrorWithSuggestion() {
    String json = minimal("  \"routes\": [{\"wehn\": {\"topic\": \"billing\"}, \"department\": \"billing\"}]");
    List<PlaybookProblem> problems = PlaybookJson.check(json, "pb.json");
    assertEquals("routes[0].wehn", problems.get(0).path());
    assertTrue(problems.get(0).message().contains("did you mean 'when'?"), problems.get(0).message());
  }

  @Test
  void unknownPlaceholderIntentAndLanguageAreReported() {
    String json = minimal("  \"templates\": [\n"
        + "    {\"id\": \"a\", \"intent\": \"complaint\", \"lang\": \"es\", \"text\": \"{autor} hola\"},\n"
        + "    {\"id\": \"b\", \"intent\": \"complain\", \"lang\": \"es\", \"text\": \"hola\"},\n"
        + "    {\"id\": \"c\", \"intent\": \"question\", \"lang\": \"fr\", \"text\": \"salut\"}\n"
        + "  ]");
    List<PlaybookProblem> errors = PlaybookJson.check(json, "pb.json").stream().filter(p -> !p.warning()).toList();
    assertEquals(3, errors.size(), errors.toString());
    assertEquals("templates[0].text", errors.get(0).path());
    assertTrue(errors.get(0).message().contains("did you mean 'author'?"));
    assertEquals(5, errors.get(0).line());
    assertEquals("templates[1].intent", errors.get(1).path());
    assertTrue(errors.get(1).message().contains("did you mean 'complaint'?"));
    assertEquals("templates[2].lang", errors.get(2).path());
    assertEquals(7, errors.get(2).line());
  }

  @Test
  void badSyntaxReportsLine() {
    List<PlaybookProblem> p = PlaybookJson.check("{\n \"languages\": [\"es\"\n", "pb.json");
    assertEquals(1, p.size());
    assertEquals("$", p.get(0).path());
    assertTrue(p.get(0).line() >= 2);
  }

  @Test
  void missingRequiredFieldsAreReported() {
    List<PlaybookProblem> p = PlaybookJson.check("{}", "pb.json");
    assertTrue(p.stream().anyMatch(x -> x.path().equals("languages")));
    assertTrue(p.stream().anyMatch(x -> x.path().equals("defaultDepartment")));
  }

  @Test
  void ownTopicsMayBeDeclared() {
    String json = minimal("  \"topics\": [\"politics\"],\n"
        + "  \"neverAnswer\": [{\"topics\": [\"politics\"], \"instead\": \"watch\"}],\n"
        + "  \"followUpAfter\": \"2d\"");
    Playbook p = PlaybookJson.parse(json, "pb.json");
    assertEquals(Instead.WATCH, p.neverAnswer().get(0).instead());
    assertEquals(Duration.ofDays(2), p.followUpDelay());
  }

  @Test
  void badDurationAndCrisisSeverityAreReported() {
    String json = minimal("  \"followUpAfter\": \"soon\",\n"
        + "  \"escalations\": [{\"when\": {\"crisisSeverity\": 12}}]");
    List<PlaybookProblem> p = PlaybookJson.check(json, "pb.json");
    assertTrue(p.stream().anyMatch(x -> x.path().equals("followUpAfter") && x.message().contains("48h")));
    assertTrue(p.stream().anyMatch(x -> x.path().equals("escalations[0].when.crisisSeverity")));
  }

  @Test
  void departmentNamesAreReadAndChecked() {
    Playbook p = PlaybookJson.parse(minimal("  \"departments\": {\"logistics\": {\"es\": \"logística\", \"en\": \"logistics\"}}"),
        "pb.json");
    assertEquals("logística", p.departmentName("logistics", "es"));
    assertEquals("billing", p.departmentName("billing", "es"));
    List<PlaybookProblem> bad = PlaybookJson.check(minimal("  \"departments\": {\"logistics\": {\"esp\": \"logística\"}}"),
        "pb.json");
    assertEquals("departments.logistics.esp", bad.get(0).path());
    assertTrue(bad.get(0).message().contains("did you mean 'es'?"), bad.get(0).message());
  }

  @Test
  void blankTemplateTextIsAnError() {
    String json = minimal("  \"templates\": [\n"
        + "    {\"id\": \"q\", \"intent\": \"question\", \"lang\": \"es\", \"text\": \"\"},\n"
        + "    {\"id\": \"c\", \"intent\": \"complaint\", \"lang\": \"es\",\n"
        + "     \"text\": \" \\n \"}\n"
        + "  ]");
    PlaybookFormatException e = assertThrows(PlaybookFormatException.class, () -> PlaybookJson.parse(json, "pb.json"));
    List<PlaybookProblem> errors = e.problems().stream().filter(p -> !p.warning()).toList();
    assertEquals(2, errors.size(), errors.toString());
    assertEquals("pb.json:5: templates[0].text: template 'q' has no text: expected the reply it drafts, such as "
        + "\"{author} gracias por escribirnos, lo miramos ahora\"", errors.get(0).toString());
    assertEquals("templates[1].text", errors.get(1).path());
    assertEquals(7, errors.get(1).line());
    IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> Playbook.newBuilder()
        .languages("es").template(Template.of("q", Intent.QUESTION, "es", "")).build());
    assertTrue(b.getMessage().contains("template 'q' has no text"), b.getMessage());
  }

  @Test
  void placeholdersTheSettingsGiveNoValueAreErrors() {
    String json = minimal("  \"templates\": [\n"
        + "    {\"id\": \"c\", \"intent\": \"complaint\", \"lang\": \"es\", \"text\": \"{author} {brand} te escribe\"},\n"
        + "    {\"id\": \"p\", \"intent\": \"praise\", \"lang\": \"es\", \"text\": \"{author} gracias: {reward_code}\"},\n"
        + "    {\"id\": \"q\", \"intent\": \"question\", \"lang\": \"es\", \"text\": \"{author} llega en {eta}\"}\n"
        + "  ]");
    List<PlaybookProblem> errors = PlaybookJson.check(json, "pb.json").stream().filter(p -> !p.warning()).toList();
    assertEquals(2, errors.size(), errors.toString());
    assertEquals("pb.json:5: templates[0].text: template 'c' uses {brand} but \"brand\" is not set: every draft from it "
        + "would be blocked as 'unresolved placeholder {brand}' (set \"brand\": \"Acme\" or remove {brand})",
        errors.get(0).toString());
    assertEquals("pb.json:6: templates[1].text: template 'p' uses {reward_code} but \"thankYou.rewardCode\" is not set: "
        + "every draft from it would be blocked as 'unresolved placeholder {reward_code}' "
        + "(set \"thankYou\": {\"rewardCode\": \"GRACIAS10\"} or remove {reward_code})", errors.get(1).toString());
    String given = json.replace("\"care\"", "\"care\", \"brand\": \"Acme\", \"thankYou\": {\"rewardCode\": \"G10\"}");
    assertTrue(PlaybookJson.check(given, "pb.json").stream().allMatch(PlaybookProblem::warning));
    String blank = json.replace("\"care\"", "\"care\", \"brand\": \" \", \"thankYou\": {\"rewardCode\": \"\"}");
    assertEquals(2, PlaybookJson.check(blank, "pb.json").stream().filter(p -> !p.warning()).count());
    String noThanks = json.replace("\"care\"", "\"care\", \"brand\": \"Acme\", \"thankYou\": {\"reply\": false}");
    assertTrue(PlaybookJson.check(noThanks, "pb.json").stream().allMatch(PlaybookProblem::warning),
        "a praise template is never drafted when praise gets no reply");
  }

  @Test
  void allowedLinksMustBeDomains() {
    String json = minimal("  \"allowedLinks\": [\"acme.es\", 3, \"https://acme.es/ayuda\", \"Acme.Example\",\n"
        + "    \"*.acme.com\", \"acme\"]");
    List<PlaybookProblem> errors = PlaybookJson.check(json, "pb.json").stream().filter(p -> !p.warning()).toList();
    assertEquals(4, errors.size(), errors.toString());
    assertEquals("allowedLinks[1]", errors.get(0).path());
    assertEquals("pb.json:4: allowedLinks[2]: expected a domain such as \"acme.es\" (links to it and its subdomains "
        + "are allowed; a scheme, path or wildcard cannot be) but was 'https://acme.es/ayuda' \u2014 did you mean "
        + "'acme.es'?", errors.get(1).toString());
    assertEquals("pb.json:5: allowedLinks[4]: expected a domain such as \"acme.es\" (links to it and its subdomains "
        + "are allowed; a scheme, path or wildcard cannot be) but was '*.acme.com' \u2014 did you mean 'acme.com'?",
        errors.get(2).toString());
    assertEquals("allowedLinks[5]", errors.get(3).path());
    assertTrue(errors.get(3).message().endsWith("but was 'acme'"), errors.get(3).message());
    IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> Playbook.newBuilder()
        .allowLink("https://acme.es/ayuda").build());
    assertTrue(b.getMessage().contains("did you mean 'acme.es'?"), b.getMessage());
  }

  @Test
  void repeatedKeyIsAnErrorNamingLineAndKey() {
    String json = minimal("  \"defaultDepartment\": \"billing\",\n"
        + "  \"templates\": [{\"id\": \"a\", \"lang\": \"es\", \"text\": \"hola\",\n"
        + "    \"text\": \"adi\u00f3s\"}]");
    PlaybookFormatException e = assertThrows(PlaybookFormatException.class, () -> PlaybookJson.parse(json, "pb.json"));
    assertEquals(List.of("pb.json:4: defaultDepartment: key 'defaultDepartment' given twice (first on line 3): "
        + "expected each key once in an object (the last one would silently win)"),
        e.problems().stream().map(PlaybookProblem::toString).toList());
    String nested = minimal("  \"templates\": [{\"id\": \"a\", \"lang\": \"es\", \"text\": \"hola\"},\n"
        + "    {\"id\": \"b\", \"lang\": \"es\", \"text\": \"hola\",\n"
        + "     \"text\": \"adi\u00f3s\"}]");
    List<PlaybookProblem> p = PlaybookJson.check(nested, "pb.json");
    assertEquals(1, p.size(), p.toString());
    assertEquals("pb.json:6: templates[1].text: key 'text' given twice (first on line 5): "
        + "expected each key once in an object (the last one would silently win)", p.get(0).toString());
    List<PlaybookProblem> trailing = PlaybookJson.check(minimal("") + "{}", "pb.json");
    assertEquals("$", trailing.get(0).path(), "the playbook reader still refuses a second document");
  }

  @Test
  void builderRejectsUnknownTopic() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Playbook.newBuilder()
        .route(RouteRule.of(When.any().topic("delivry"), "logistics")).build());
    assertTrue(e.getMessage().contains("did you mean 'delivery'?"), e.getMessage());
  }
}
