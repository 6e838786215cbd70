package org.limber.simulator;

import java.io.PrintStream;

/** A progress bar on a terminal, or a line every tenth of the way when the output is a log. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final boolean plain;
    private int lastTenth = -1;

    Progress(PrintStream out, int total, boolean plain) {
        this.out = out;
        this.total = total;
        this.plain = plain;
    }

    void show(int done, String status) {
        int percent = done * 100 / total;
        if (plain) {
            if (percent / 10 != lastTenth) {
                lastTenth = percent / 10;
                out.printf("  %3d%%  %s%n", percent, status);
            }
            return;
        }
        int filled = done * WIDTH / total;
        out.printf("\r  [%s%s] %3d%%  %s   ", "#".repeat(filled), ".".repeat(WIDTH - filled), percent, status);
        out.flush();
    }

    void done() {
        if (!plain) {
            out.println();
        }
    }
}
