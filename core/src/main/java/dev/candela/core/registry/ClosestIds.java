package dev.candela.core.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Finds the known ids nearest to a mistyped one by optimal-string-alignment edit distance. */
final class ClosestIds {
    private static final int MAX_SUGGESTIONS = 3;

    private ClosestIds() {
    }

    static List<String> to(String wanted, Collection<String> known) {
        int limit = Math.max(1, Math.min(3, wanted.length() / 2));
        record Candidate(String id, int distance) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String id : known) {
            int d = distance(wanted, id);
            if (d <= limit || (wanted.length() >= 3 && id.startsWith(wanted))) {
                candidates.add(new Candidate(id, d));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::id));
        return candidates.stream().limit(MAX_SUGGESTIONS).map(Candidate::id).toList();
    }

    /** Edit distance counting insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
