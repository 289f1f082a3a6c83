package org.crisiskit.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.crisiskit.playbook.Playbook;

/**
 * Runs every configured {@link MessageCheck} on an outgoing message. The built-in checks, by name:
 *
 * <ul>
 *   <li>{@code empty}: a text that is empty or only white space (blocking);
 *   <li>{@code length}: weighted length over the network's limit, the {@code @handle} prefix of a
 *       public reply included (blocking);
 *   <li>{@code placeholder}: a {@code {placeholder}} left unresolved (blocking);
 *   <li>{@code language}: the text reads as another language than the customer's (blocking for
 *       es/en);
 *   <li>{@code tone}: threatening, insulting or argumentative wording such as "as we already told
 *       you" or "cálmate" (blocking), possibly sarcastic wording (warning), Spanish and English;
 *   <li>{@code forbidden}: blame ("it's your fault", "no es culpa nuestra"), promises ("guaranteed",
 *       "te lo garantizamos") and the playbook's forbidden phrases (blocking);
 *   <li>{@code personal_data}: e-mail, phone, card, IBAN, order or ID numbers, postal addresses in a public
 *       message (blocking; suggests moving private); card numbers even in private (warning); dates
 *       with a time are not phones, and addresses at an allowed link domain are the brand's own;
 *   <li>{@code acknowledgement}: a public answer to a complaint with neither apology nor next step
 *       (blocking), or missing one of them (warning);
 *   <li>{@code link}: a link to a domain not on the allow-list (blocking);
 *   <li>{@code characters}: a character the network rejects (blocking).
 * </ul>
 *
 * <pre>{@code
 * MessageChecker checker = MessageChecker.forPlaybook(playbook, NetworkRules.x());
 * CheckResult r = checker.check(OutgoingMessage.newBuilder(text).replyTo("ana").customerLang("es").build());
 * if (r.blocked()) { ... r.blocking() ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MessageChecker {
  private final NetworkRules rules;
  private final List<MessageCheck> checks;

  private MessageChecker(Builder b) {
    this.rules = b.rules;
    List<MessageCheck> all = new ArrayList<>();
    all.add(new BuiltInChecks.Empty());
    all.add(new BuiltInChecks.Length(b.rules));
    all.add(new BuiltInChecks.Placeholders());
    all.add(new BuiltInChecks.Language());
    all.add(BuiltInChecks.tone());
    all.add(BuiltInChecks.forbidden(b.forbiddenPhrases));
    List<String> allowedDomains = b.allowedLinks.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    all.add(new BuiltInChecks.PersonalData(allowedDomains));
    all.add(new BuiltInChecks.Acknowledgement());
    all.add(new BuiltInChecks.LinksAllowed(allowedDomains));
    all.add(new BuiltInChecks.Characters(b.rules));
    all.removeIf(c -> b.disabled.contains(c.name()));
    all.addAll(b.extra);
    this.checks = List.copyOf(all);
  }

  /** The built-in checks for X, no forbidden phrases beyond the built-in ones, no link allowed. */
  public static MessageChecker ofDefaults() {
    return custom().build();
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** The built-in checks with the playbook's forbidden phrases and allowed links, for {@code rules}' network. */
  public static MessageChecker forPlaybook(Playbook playbook, NetworkRules rules) {
    return custom().network(rules).forbiddenPhrases(playbook.forbiddenPhrases())
        .allowedLinks(playbook.allowedLinks()).build();
  }

  /** The network rules in use. */
  public NetworkRules network() {
    return rules;
  }

  /** The names of the checks run, in order. */
  public List<String> checkNames() {
    return checks.stream().map(MessageCheck::name).toList();
  }

  /** Runs every check; blocking findings first, then warnings, each by position. */
  public CheckResult check(OutgoingMessage message) {
    Objects.requireNonNull(message, "message");
    List<Finding> all = new ArrayList<>();
    for (MessageCheck c : checks) {
      all.addAll(c.check(message));
    }
    all.sort(Comparator.comparing(Finding::level).thenComparingInt(Finding::start).thenComparing(Finding::check));
    return new CheckResult(message.text(), rules.weightedLength(message.handlePrefix() + message.text()), all);
  }

  /**
   * Checks and returns the result when nothing blocks.
   *
   * @throws MessageBlockedException when a finding blocks sending
   */
  public CheckResult requireSendable(OutgoingMessage message) {
    CheckResult r = check(message);
    if (r.blocked()) {
      throw new MessageBlockedException(r);
    }
    return r;
  }

  /** Builds a {@link MessageChecker}. Not thread-safe. */
  public static final class Builder {
    private NetworkRules rules = NetworkRules.x();
    private List<String> forbiddenPhrases = List.of();
    private List<String> allowedLinks = List.of();
    private final Set<String> disabled = new HashSet<>();
    private final List<MessageCheck> extra = new ArrayList<>();

    private Builder() {}

    /** The network's rules (default {@link NetworkRules#x()}). */
    public Builder network(NetworkRules r) {
      this.rules = Objects.requireNonNull(r, "network");
      return this;
    }

    /** Blame and promises forbidden beyond the built-in ones. */
    public Builder forbiddenPhrases(List<String> phrases) {
      this.forbiddenPhrases = List.copyOf(phrases);
      return this;
    }

    /** Domains links may point to (subdomains included). */
    public Builder allowedLinks(List<String> domains) {
      this.allowedLinks = List.copyOf(domains);
      return this;
    }

    /** Turns off a built-in check by name, for example {@code language}. */
    public Builder disable(String checkName) {
      disabled.add(checkName);
      return this;
    }

    /** Adds a check of your own, run after the built-in ones. */
    public Builder check(MessageCheck c) {
      extra.add(Objects.requireNonNull(c, "check"));
      return this;
    }

    public MessageChecker build() {
      return new MessageChecker(this);
    }
  }
}
