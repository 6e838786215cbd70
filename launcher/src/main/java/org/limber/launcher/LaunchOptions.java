package org.limber.launcher;

/**
 * The launcher's command line: {@code --fresh} (wipe {@code .local} first), {@code --no-demo},
 * {@code --demo} (play the demo again), {@code --members=N}, {@code --headless} (plain log lines).
 */
record LaunchOptions(boolean fresh, boolean demo, boolean noDemo, int members, boolean headless) {

    static LaunchOptions parse(String[] args) {
        boolean fresh = false;
        boolean demo = false;
        boolean noDemo = false;
        boolean headless = false;
        int members = 300;
        for (String arg : args) {
            switch (arg) {
                case "--fresh" -> fresh = true;
                case "--demo" -> demo = true;
                case "--no-demo" -> noDemo = true;
                case "--headless" -> headless = true;
                default -> {
                    if (arg.startsWith("--members=")) {
                        members = Integer.parseInt(arg.substring("--members=".length()));
                    } else {
                        throw new IllegalArgumentException("unknown option " + arg
                                + " (options: --fresh, --no-demo, --demo, --members=N, --headless)");
                    }
                }
            }
        }
        return new LaunchOptions(fresh, demo, noDemo, members, headless);
    }
}
