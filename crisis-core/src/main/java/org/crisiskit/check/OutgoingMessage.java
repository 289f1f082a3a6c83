package org.crisiskit.check;

import java.util.Objects;
import java.util.Optional;
import org.crisiskit.classify.Intent;
import org.crisiskit.playbook.Draft;
import org.crisiskit.playbook.TriageInput;

/**
 * A message the brand is about to send, with what the checks need to know about it.
 *
 * <pre>{@code
 * OutgoingMessage m = OutgoingMessage.newBuilder("Sentimos el retraso; te escribimos por privado.")
 *     .lang("es").customerLang("es").replyTo("ana").intent(Intent.COMPLAINT).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; never contains nulls.
 */
public final class OutgoingMessage {
  private final String text;
  private final boolean publicMessage;
  private final Optional<String> lang;
  private final Optional<String> customerLang;
  private final Optional<String> replyTo;
  private final Optional<Intent> intent;

  private OutgoingMessage(Builder b) {
    this.text = b.text;
    this.publicMessage = b.publicMessage;
    this.lang = b.lang;
    this.customerLang = b.customerLang;
    this.replyTo = b.replyTo;
    this.intent = b.intent;
  }

  /** A builder of a public message with {@code text}. */
  public static Builder newBuilder(String text) {
    return new Builder(text);
  }

  /**
   * The public reply that carries a triage draft to the mention's author: the customer's language and
   * the intent come from {@code in}, so the checks can compare them.
   */
  public static OutgoingMessage reply(Draft draft, TriageInput in) {
    return newBuilder(draft.text()).lang(draft.lang()).customerLang(in.lang())
        .replyTo(in.mention().author().handle()).intent(in.classification().intent()).build();
  }

  /** A public message with only a text. */
  public static OutgoingMessage of(String text) {
    return newBuilder(text).build();
  }

  public Builder toBuilder() {
    Builder b = new Builder(text);
    b.publicMessage = publicMessage;
    b.lang = lang;
    b.customerLang = customerLang;
    b.replyTo = replyTo;
    b.intent = intent;
    return b;
  }

  public String text() {
    return text;
  }

  /** True for a public reply or post; false for a direct message. Default true. */
  public boolean isPublic() {
    return publicMessage;
  }

  /** The language the message is meant to be in, if declared. */
  public Optional<String> lang() {
    return lang;
  }

  /** The customer's language, if known. */
  public Optional<String> customerLang() {
    return customerLang;
  }

  /** The handle (without {@code @}) a public reply goes to; the network prefixes it and it counts. */
  public Optional<String> replyTo() {
    return replyTo;
  }

  /** The intent of the case answered, if any; a complaint's acknowledgement needs an apology or next step. */
  public Optional<Intent> intent() {
    return intent;
  }

  /** The {@code @handle } prefix the network adds to a public reply, empty when none or already typed. */
  public String handlePrefix() {
    if (!publicMessage || replyTo.isEmpty()) {
      return "";
    }
    String h = "@" + replyTo.get();
    boolean typed = text.regionMatches(true, 0, h, 0, h.length())
        && (text.length() == h.length() || !isHandleChar(text.codePointAt(h.length())));
    return typed ? "" : h + " ";
  }

  /** A character that continues a handle: {@code @ana} is not typed at the start of {@code @anabel}. */
  private static boolean isHandleChar(int cp) {
    return cp == '_' || Character.isLetterOrDigit(cp);
  }

  @Override
  public String toString() {
    return "OutgoingMessage{" + (publicMessage ? "public" : "private") + ", " + text + "}";
  }

  /** Builds an {@link OutgoingMessage}. Not thread-safe. */
  public static final class Builder {
    private String text;
    private boolean publicMessage = true;
    private Optional<String> lang = Optional.empty();
    private Optional<String> customerLang = Optional.empty();
    private Optional<String> replyTo = Optional.empty();
    private Optional<Intent> intent = Optional.empty();

    private Builder(String text) {
      this.text = Objects.requireNonNull(text, "text");
    }

    public Builder text(String t) {
      this.text = Objects.requireNonNull(t, "text");
      return this;
    }

    /** Public (default) or private. */
    public Builder publicMessage(boolean isPublic) {
      this.publicMessage = isPublic;
      return this;
    }

    public Builder lang(String l) {
      this.lang = Optional.of(l);
      return this;
    }

    public Builder customerLang(String l) {
      this.customerLang = Optional.of(l);
      return this;
    }

    /** The handle replied to, with or without the leading {@code @}. */
    public Builder replyTo(String handle) {
      this.replyTo = Optional.of(handle.startsWith("@") ? handle.substring(1) : handle);
      return this;
    }

    public Builder intent(Intent i) {
      this.intent = Optional.of(i);
      return this;
    }

    public OutgoingMessage build() {
      return new OutgoingMessage(this);
    }
  }
}
