package org.crisiskit.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;
import org.crisiskit.spi.NotPermittedException;
import org.crisiskit.spi.Permission;
import org.crisiskit.spi.SentMessage;
import org.crisiskit.twitter.XAdapter;

/**
 * {@code ./crisis send --network x (--reply-to POST_ID | --dm USER_ID) --text "…" [--state DIR]}:
 * sends one reply or direct message after the length and capability checks.
 */
final class SendCommand implements CliCommand {
  private final Map<String, String> env;

  SendCommand() {
    this(System.getenv());
  }

  SendCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public String name() {
    return "send";
  }

  @Override
  public String summary() {
    return "send one public reply or direct message after length and capability checks";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis send --network x (--reply-to POST_ID | --dm USER_ID) --text \"…\" [--state DIR]",
        "  --reply-to    reply publicly to this post; refused when the author did not address the brand",
        "                (checked against the mentions that ./crisis listen recorded in --state)",
        "  --dm          send a direct message to this user id (needs receives_your_dm)",
        "  --text        at most 280 weighted characters (URLs count 23)",
        "  --state DIR   the directory ./crisis listen used (default " + XCommands.DEFAULT_STATE + ")",
        "  prints the created id; exits 1 with the reason when the network or a check refuses",
        "  credentials: X_USER_ACCESS_TOKEN, or X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET");
  }

  @Override
  public int run(Args args, Io io) throws Exception {
    XCommands.requireX(args);
    Optional<String> replyTo = args.option("reply-to");
    Optional<String> dm = args.option("dm");
    String text = args.required("text");
    Path state = XCommands.stateDir(args);
    args.checkAllUsed();
    args.checkNoPositional();
    if (replyTo.isPresent() == dm.isPresent()) {
      throw new UsageException("give exactly one of --reply-to POST_ID or --dm USER_ID");
    }
    String id = replyTo.orElseGet(dm::get);
    if (!id.matches("[0-9]{1,19}")) {
      throw new UsageException("--" + (replyTo.isPresent() ? "reply-to" : "dm") + " expects a numeric X id but was '"
          + id + "'");
    }
    XAdapter x = XAdapter.create(XCommands.config(env).build());
    x.checkText(text);
    SentMessage sent;
    if (replyTo.isPresent()) {
      Optional<Mention> known = XCommands.findMention(state, "id", id, io.err());
      if (known.isPresent()) {
        sent = x.replyTo(known.get(), text);
      } else {
        io.err().println("crisis send: post " + id + " is not among the mentions recorded in " + state
            + "; X decides whether the reply is allowed");
        sent = x.replyPublicly(MentionId.of("x", id), text);
      }
    } else {
      Author author = XCommands.findMention(state, "author", id, io.err()).map(Mention::author)
          .orElseGet(() -> Author.newBuilder().id(id).handle(id).build());
      Permission p = x.capabilitiesFor(author).privateMessage();
      if (!p.allowed()) {
        throw new NotPermittedException("x", p.reason());
      }
      sent = x.sendPrivateMessage(id, text);
    }
    io.out().println(sent.id());
    return 0;
  }
}
