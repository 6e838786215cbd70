package org.limber.console.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Small helpers the charts share: escaping and number formatting for SVG text and coordinates. */
final class Svg {

    private Svg() {}

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A coordinate with one decimal, always with a dot. */
    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A figure as people read it: "4.5", "4", or "none". */
    static String figure(BigDecimal v) {
        return v == null ? "none" : v.stripTrailingZeros().toPlainString();
    }

    /** A share (0.784) as a percent with one decimal ("78.4%"). */
    static String percentOfShare(BigDecimal share) {
        return share == null
                ? "none"
                : share.movePointRight(2)
                                .setScale(1, RoundingMode.HALF_UP)
                                .stripTrailingZeros()
                                .toPlainString() + "%";
    }
}
