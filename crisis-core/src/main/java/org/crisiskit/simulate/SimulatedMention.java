package org.crisiskit.simulate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.crisiskit.classify.Classification;
import org.crisiskit.internal.Json;
import org.crisiskit.internal.MentionCodec;
import org.crisiskit.mention.Mention;

/**
 * A simulated mention with the classification the simulator meant it to have.
 *
 * @param mention the mention
 * @param intended what it was written to be (intent, polarity, topics)
 */
public record SimulatedMention(Mention mention, Classification intended) {
  /**
   * The JSONL line: the Mention JSON form plus {@code "classification": {"intent", "polarity",
   * "topics"}}.
   */
  public String toJsonLine() {
    ObjectNode n = (ObjectNode) MentionCodec.toNode(mention);
    ObjectNode c = n.putObject("classification");
    c.put("intent", intended.intent().jsonName());
    c.put("polarity", intended.polarity().jsonName());
    ArrayNode topics = c.putArray("topics");
    intended.topics().stream().sorted().forEach(topics::add);
    return Json.write(n);
  }
}
