package dev.pilothouse.sdk.ui.kit.table;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Edits grouped in a batch fire as one change that says exactly what happened. */
class BatchListTest {

    private static List<String> letters(String s) {
        return new ArrayList<>(Arrays.asList(s.split("")));
    }

    @Test
    void replaceOrRemoveEditsByPositionInOnePassAndOneChange() {
        BatchList<String> list = new BatchList<>(letters("abcdefgh"));
        ChangeReplay<String> replay = new ChangeReplay<>(list);

        list.replaceOrRemove(new int[] {1, 2, 5, 7}, Arrays.asList("B", null, null, "H"));

        assertThat(list).containsExactly("a", "B", "d", "e", "g", "H");
        assertThat(replay.changes).isEqualTo(1);
    }

    @Test
    void positionsMustAscend() {
        BatchList<String> list = new BatchList<>(letters("abc"));

        assertThatThrownBy(() -> list.replaceOrRemove(new int[] {2, 1}, Arrays.asList("x", "y")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchOfEditsInAscendingPositionsIsOneChangeThatReplaysToTheList() {
        Random random = new Random(7);
        BatchList<String> list = new BatchList<>(letters("abcdefghijklmnopqrstuvwxyz"));
        ChangeReplay<String> replay = new ChangeReplay<>(list);
        List<String> expected = new ArrayList<>(list);

        for (int round = 0; round < 300; round++) {
            int r = round;
            list.batch(() -> {
                int position = 0; // each edit lands at or after the end of the previous one
                for (int k = 0; k < 8; k++) {
                    int at = position + random.nextInt(4);
                    int op = random.nextInt(5);
                    if (at > list.size() || at == list.size() && op != 0 && op != 3) {
                        break;
                    }
                    if (op == 0) {
                        list.add(at, "n" + r + "." + k);
                        expected.add(at, "n" + r + "." + k);
                        position = at + 1;
                    } else if (op == 1) {
                        list.set(at, list.get(at) + "'");
                        expected.set(at, expected.get(at) + "'");
                        position = at + 1;
                    } else if (op == 2) {
                        int to = Math.min(list.size(), at + 1 + random.nextInt(3));
                        list.remove(at, to);
                        expected.subList(at, to).clear();
                        position = at;
                    } else if (op == 3) {
                        list.addAll(at, List.of("x" + r + "." + k, "y" + r + "." + k));
                        expected.addAll(at, List.of("x" + r + "." + k, "y" + r + "." + k));
                        position = at + 2;
                    } else {
                        list.replaceOrRemove(new int[] {at}, Arrays.asList((String) null));
                        expected.remove(at);
                        position = at;
                    }
                }
            });
            assertThat(list).containsExactlyElementsOf(expected);
        }
        assertThat(replay.changes).isEqualTo(300);
    }
}
