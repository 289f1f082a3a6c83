package org.crisiskit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.crisiskit.spi.CheckpointStore;
import org.crisiskit.spi.Listening;
import org.crisiskit.spi.NetworkException;
import org.crisiskit.twitter.XAdapter;
import org.crisiskit.twitter.XConfig;
import org.crisiskit.twitter.XListenMode;

/**
 * {@code ./crisis listen --network x --keywords "acme,acme store" [--handle acme] [--mode M]
 * [--duration 60s] [--state DIR]}: prints mentions as JSONL on stdout, progress on stderr, and
 * resumes from the state directory.
 */
final class ListenCommand implements CliCommand {
  private final Map<String, String> env;

  ListenCommand() {
    this(System.getenv());
  }

  ListenCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public String name() {
    return "listen";
  }

  @Override
  public String summary() {
    return "listen to a network and print mentions as JSONL (resumable)";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis listen --network x --keywords \"acme,acme store\" [--handle acme]",
        "                       [--mode auto|stream|search|mentions] [--duration 60s] [--state DIR]",
        "  --keywords    comma-separated words or phrases to find (no @ needed)",
        "  --handle      the brand's handle: its own posts are skipped; needed for --mode mentions",
        "  --mode        auto (stream when X_BEARER_TOKEN allows it, else search; default), stream,",
        "                search (recent-search polling) or mentions (the brand's mentions timeline)",
        "  --duration    stop after this long (default: until Ctrl-C)",
        "  --state DIR   checkpoints and the mention log (default " + XCommands.DEFAULT_STATE + ");",
        "                a later run resumes after the last mention printed",
        "  credentials from X_BEARER_TOKEN, X_USER_ACCESS_TOKEN or X_API_KEY/X_API_SECRET/X_ACCESS_TOKEN/",
        "  X_ACCESS_TOKEN_SECRET; X_API_BASE_URL overrides https://api.x.com");
  }

  @Override
  public int run(Args args, Io io) throws IOException, InterruptedException {
    XCommands.requireX(args);
    Optional<String> keywords = args.option("keywords");
    Optional<String> handle = args.option("handle");
    XListenMode mode = args.option("mode").map(m -> {
      try {
        return XListenMode.parse(m);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--mode: " + e.getMessage());
      }
    }).orElse(XListenMode.AUTO);
    Optional<Duration> duration = args.durationOption("duration");
    Path state = XCommands.stateDir(args);
    args.checkAllUsed();
    args.checkNoPositional();
    if (keywords.isEmpty() && handle.isEmpty()) {
      throw new UsageException("--keywords or --handle is required");
    }
    XConfig.Builder b = XCommands.config(env).mode(mode);
    try {
      keywords.ifPresent(k -> b.keywords(XCommands.keywords(k)));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--keywords: " + e.getMessage());
    }
    try {
      handle.ifPresent(b::handle);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--handle: " + e.getMessage());
    }
    XAdapter adapter = XAdapter.create(b.build());
    Files.createDirectories(state);
    CheckpointStore store = CheckpointStore.file(state.resolve(XCommands.CHECKPOINTS));
    // the adapter calls log.flush() (a sync of mentions.jsonl) once per delivered batch, before it
    // saves the checkpoint: a power cut never leaves the checkpoint past a mention the log lost
    try (MentionLog log = MentionLog.open(state.resolve(XCommands.MENTIONS), io.out(), io.err())) {
      io.err().println("crisis listen: listening on x (" + mode.jsonName() + ")"
          + duration.map(d -> " for " + d.toSeconds() + " s").orElse(" until Ctrl-C") + "; state in " + state);
      Listening listening = adapter.listen(log, store);
      CountDownLatch finished = new CountDownLatch(1);
      Thread hook = new Thread(() -> {
        listening.close();
        try {
          finished.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "crisis-listen-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        if (duration.isPresent()) {
          listening.awaitStopped(duration.get());
        } else {
          while (!listening.awaitStopped(Duration.ofHours(1))) {
            // until Ctrl-C or a permanent failure
          }
        }
        listening.close();
        io.err().printf(Locale.ROOT, "crisis listen: received %d mentions (%d malformed skipped, %d reconnects);"
            + " next run resumes from %s%n", listening.delivered(), listening.malformed(), listening.reconnects(), state);
        Optional<NetworkException> failure = listening.failure();
        if (failure.isPresent()) {
          throw failure.get();
        }
        return 0;
      } finally {
        finished.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // the JVM is already shutting down (Ctrl-C)
        }
      }
    }
  }
}
