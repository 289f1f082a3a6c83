package org.crisiskit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ChainTest {
  @Property(tries = 200)
  void aChainListsItsElementsInOrderAndEarlierSnapshotsStayUnchanged(@ForAll @Size(min = 1, max = 60) List<Integer> xs) {
    Chain<Integer> c = Chain.of(xs.get(0));
    List<Chain<Integer>> snapshots = new ArrayList<>(List.of(c));
    for (int i = 1; i < xs.size(); i++) {
      if (i % 7 == 0) {
        c.toList(); // materialize a prefix now and then
      }
      c = c.plus(xs.get(i));
      snapshots.add(c);
    }
    assertEquals(xs, c.toList());
    for (int i = 0; i < snapshots.size(); i++) {
      assertEquals(xs.subList(0, i + 1), snapshots.get(i).toList());
      assertEquals(i + 1, snapshots.get(i).size());
    }
  }

  @Test
  void aLongChainMaterializesWithoutDeepRecursion() {
    Chain<Integer> c = Chain.of(0);
    for (int i = 1; i < 200_000; i++) {
      c = c.plus(i);
    }
    assertEquals(199_999, c.toList().get(199_999));
    assertThrows(UnsupportedOperationException.class, () -> Chain.of(1).toList().add(2));
  }
}
