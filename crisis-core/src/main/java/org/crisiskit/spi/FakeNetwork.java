package org.crisiskit.spi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionKind;
import org.crisiskit.mention.MentionId;

/**
 * A scriptable in-memory {@link NetworkAdapter} for tests, examples and the demo. Publish mentions
 * with {@link #publish}, say which authors accept private messages, make the next calls fail with
 * {@link #failNext}, then read what was sent with {@link #sent()}. It behaves like X's self-serve
 * tiers by default: a public reply only to a mention that addressed the brand, no follow, private
 * messages only to authors marked with {@link #acceptPrivateMessages}.
 *
 * <p>Deterministic: mentions are delivered in publication order and created ids are {@code 1, 2, …}.
 * Thread-safe. Length is counted in Unicode code points.
 *
 * <pre>{@code
 * FakeNetwork net = FakeNetwork.newBuilder().network("x").build();
 * net.publish(mention);
 * try (Listening l = net.listen(sink, CheckpointStore.inMemory())) { ... }
 * }</pre>
 */
public final class FakeNetwork implements NetworkAdapter {
  /** The checkpoint key holding how many published mentions were delivered. */
  public static final String CHECKPOINT_KEY = "fake.position";

  /** One reply or private message the fake accepted. */
  public record Sent(NetworkAction action, String target, String text, String id) {}

  private final String network;
  private final int maxLength;
  private final boolean replyNeedsAddressing;
  private final boolean followAllowed;
  private final List<Mention> published = new ArrayList<>();
  private final Map<MentionId, Mention> publishedById = new HashMap<>();
  private final Map<String, Author> authors = new HashMap<>();
  private final Set<String> dmOpen = new HashSet<>();
  private final Deque<RuntimeException> failures = new ArrayDeque<>();
  private final List<Sent> sent = new ArrayList<>();
  private final Set<String> followed = new HashSet<>();
  private long nextId = 1;

  private FakeNetwork(Builder b) {
    this.network = b.network;
    this.maxLength = b.maxLength;
    this.replyNeedsAddressing = b.replyNeedsAddressing;
    this.followAllowed = b.followAllowed;
  }

  /** Returns a builder; defaults: network {@code x}, 280 characters, X self-serve rules. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a fake with the defaults of {@link #newBuilder()}. */
  public static FakeNetwork create() {
    return newBuilder().build();
  }

  /**
   * Makes mentions appear on the network; listeners receive them in this order. A mention whose id
   * was published before is delivered only once. Its author becomes known to {@link #lookUpAuthor}.
   *
   * @throws IllegalArgumentException when a mention belongs to another network
   */
  public void publish(Mention... mentions) {
    synchronized (this) {
      for (Mention m : mentions) {
        if (!m.network().equals(network)) {
          throw new IllegalArgumentException(
              "mention " + m.id() + " belongs to network " + m.network() + " but this fake is " + network);
        }
        authors.putIfAbsent(m.author().id(), m.author());
        if (publishedById.putIfAbsent(m.id(), m) == null) {
          published.add(m);
        }
      }
      notifyAll();
    }
  }

  /** Registers an author for {@link #lookUpAuthor}. */
  public synchronized void addAuthor(Author author) {
    authors.put(author.id(), author);
  }

  /** Sets whether {@code authorId} accepts private messages from the brand (default: no). */
  public synchronized void acceptPrivateMessages(String authorId, boolean accepts) {
    if (accepts) {
      dmOpen.add(authorId);
    } else {
      dmOpen.remove(authorId);
    }
  }

  /** Makes the next write or look-up call throw {@code failure} (queued, one call each). */
  public synchronized void failNext(RuntimeException failure) {
    failures.add(Objects.requireNonNull(failure, "failure"));
  }

  /** Every reply and private message accepted so far, in order. */
  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** The accounts followed so far. */
  public synchronized Set<String> followed() {
    return Set.copyOf(followed);
  }

  /** Number of mentions published so far. */
  public synchronized int publishedCount() {
    return published.size();
  }

  @Override
  public String network() {
    return network;
  }

  @Override
  public Listening listen(MentionSink sink, CheckpointStore checkpoints) {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(checkpoints, "checkpoints");
    FakeListening l = new FakeListening(sink, checkpoints);
    l.thread.start();
    return l;
  }

  @Override
  public SentMessage replyPublicly(MentionId inReplyTo, String text) {
    checkText(text);
    synchronized (this) {
      throwQueuedFailure();
      Mention target = publishedById.get(inReplyTo);
      if (target != null && replyNeedsAddressing && !target.addressedBrand()) {
        throw new NotPermittedException(network, notSummoned());
      }
      return record(NetworkAction.REPLY_PUBLICLY, inReplyTo.value(), text);
    }
  }

  @Override
  public SentMessage sendPrivateMessage(String authorId, String text) {
    checkPrivateText(text);
    synchronized (this) {
      throwQueuedFailure();
      if (!dmOpen.contains(authorId)) {
        throw new NotPermittedException(network, dmClosed());
      }
      return record(NetworkAction.PRIVATE_MESSAGE, authorId, text);
    }
  }

  @Override
  public synchronized Optional<Author> lookUpAuthor(String authorId) {
    throwQueuedFailure();
    return Optional.ofNullable(authors.get(authorId));
  }

  @Override
  public synchronized void follow(String authorId) {
    throwQueuedFailure();
    if (!followAllowed) {
      throw new NotPermittedException(network, followGone());
    }
    followed.add(authorId);
  }

  @Override
  public synchronized Capabilities capabilitiesFor(Mention mention) {
    Permission reply = mention.kind() == MentionKind.DIRECT_MESSAGE
        ? Permission.deny(NetworkAction.REPLY_PUBLICLY, "reply not possible: a direct message has no public post")
        : !replyNeedsAddressing || mention.addressedBrand()
        ? Permission.allow(NetworkAction.REPLY_PUBLICLY)
        : Permission.deny(NetworkAction.REPLY_PUBLICLY, notSummoned());
    return new Capabilities(reply, dmPermission(mention.author().id()), followPermission());
  }

  private Permission dmPermission(String authorId) {
    return dmOpen.contains(authorId)
        ? Permission.allow(NetworkAction.PRIVATE_MESSAGE)
        : Permission.deny(NetworkAction.PRIVATE_MESSAGE, dmClosed());
  }

  private Permission followPermission() {
    return followAllowed
        ? Permission.allow(NetworkAction.FOLLOW)
        : Permission.deny(NetworkAction.FOLLOW, followGone());
  }

  private static String notSummoned() {
    return "reply not permitted: the author did not mention the brand";
  }

  private static String dmClosed() {
    return "private message not permitted: the author does not accept direct messages from the brand";
  }

  private String followGone() {
    return "follow not permitted: " + network + " does not allow following through its API";
  }

  @Override
  public int maxLength() {
    return maxLength;
  }

  @Override
  public int weightedLength(String text) {
    return text.codePointCount(0, text.length());
  }

  private void throwQueuedFailure() {
    RuntimeException f = failures.poll();
    if (f != null) {
      throw f;
    }
  }

  private SentMessage record(NetworkAction action, String target, String text) {
    String id = Long.toString(nextId++);
    sent.add(new Sent(action, target, text, id));
    return new SentMessage(network, action, id);
  }

  @Override
  public String toString() {
    return "FakeNetwork{" + network + ", published=" + publishedCount() + "}";
  }

  private final class FakeListening extends ListeningSupport {
    private final MentionSink sink;
    private final CheckpointStore checkpoints;
    private final Thread thread;
    private volatile boolean closing;

    FakeListening(MentionSink sink, CheckpointStore checkpoints) {
      this.sink = sink;
      this.checkpoints = checkpoints;
      this.thread = new Thread(this::run, "crisis-fake-listen-" + network);
      thread.setDaemon(true);
    }

    private void run() {
      try {
        int position = checkpoints.get(CHECKPOINT_KEY).map(Integer::parseInt).orElse(0);
        while (!closing) {
          List<Mention> batch;
          synchronized (FakeNetwork.this) {
            while (!closing && position >= published.size()) {
              FakeNetwork.this.wait(100);
            }
            if (closing) {
              break;
            }
            // everything published so far is one batch: one sink flush and one checkpoint for it
            batch = List.copyOf(published.subList(position, published.size()));
          }
          int accepted = 0;
          NetworkException failed = null;
          for (Mention next : batch) {
            try {
              sink.accept(next);
            } catch (RuntimeException e) {
              failed = new NetworkException(network, "the mention sink failed on " + next.id() + ": " + e, e);
              break;
            }
            accepted++;
          }
          if (accepted > 0) {
            // the mentions must be durable in the sink before the checkpoint that covers them is
            RuntimeException unkept = null;
            try {
              sink.flush();
              position += accepted;
              checkpoints.put(CHECKPOINT_KEY, Integer.toString(position));
            } catch (RuntimeException e) {
              unkept = e;
            }
            countDelivered(accepted);
            if (unkept != null) {
              throw unkept;
            }
          }
          if (failed != null) {
            stopWith(failed);
            break;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        // a checkpoint store that cannot write (or an unreadable position) stops listening visibly
        stopWith(new NetworkException(network, "listening stopped: " + e, e));
      } finally {
        markStopped();
      }
    }

    @Override
    public void close() {
      closing = true;
      synchronized (FakeNetwork.this) {
        FakeNetwork.this.notifyAll();
      }
      if (Thread.currentThread() != thread) {
        try {
          thread.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Builds {@link FakeNetwork}s. Not thread-safe. */
  public static final class Builder {
    private String network = "x";
    private int maxLength = 280;
    private boolean replyNeedsAddressing = true;
    private boolean followAllowed;

    private Builder() {}

    /** Sets the network name (default {@code x}). */
    public Builder network(String network) {
      this.network = MentionId.requireNetworkName(network);
      return this;
    }

    /** Sets the length limit in code points (default 280). */
    public Builder maxLength(int maxLength) {
      if (maxLength < 1) {
        throw new IllegalArgumentException("maxLength must be >= 1 but was " + maxLength);
      }
      this.maxLength = maxLength;
      return this;
    }

    /** Whether a public reply needs the author to have addressed the brand (default true, as on X). */
    public Builder replyNeedsAddressing(boolean replyNeedsAddressing) {
      this.replyNeedsAddressing = replyNeedsAddressing;
      return this;
    }

    /** Whether following is allowed (default false, as on X's self-serve tiers). */
    public Builder followAllowed(boolean followAllowed) {
      this.followAllowed = followAllowed;
      return this;
    }

    /** Returns the fake. */
    public FakeNetwork build() {
      return new FakeNetwork(this);
    }
  }
}
