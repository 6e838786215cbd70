package org.limber.testsupport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.limber.testsupport.bench.ServiceStartBenchmark.Service;

import static org.limber.testsupport.bench.ServiceStartBenchmark.SERVICES;

/**
 * The ways {@link ServiceStartBenchmark} runs the services (this JDK, with an AppCDS archive, a JDK 25
 * or newer without and with its AOT cache, and with a cache trained to readiness), and which of them
 * this machine and this build can run.
 */
final class BenchVariants {

    static final String AOT_CACHE = "app.aot";
    static final String TRAINED_CACHE = "app-trained.aot";
    static final String APP_CDS = "app-cds.jsa";

    /**
     * A way to run the services: its label, a short key (databases, logs), the java of each service
     * (by module), and the JVM options it adds to {@code LIMBER_JAVA_OPTS}.
     */
    record Variant(String label, String key, Map<String, Path> java, List<String> options, Variant training) {

        Variant(String label, String key, Map<String, Path> java, List<String> options) {
            this(label, key, java, options, null);
        }
    }

    private BenchVariants() {}

    /** The variants to run: those this machine can, limited to the keys of {@code only} (comma-separated) when given. */
    static List<Variant> of(Path root, String java25Opts, String only) throws IOException {
        List<Variant> variants = variants(root, java25Opts);
        if (!only.isBlank()) {
            List<String> keys = List.of(only.split(","));
            variants.removeIf(variant -> !keys.contains(variant.key()));
        }
        return variants;
    }

    /** The variants this machine and this build can run (see the class comment). */
    private static List<Variant> variants(Path root, String java25Opts) throws IOException {
        Path thisJava = Path.of(System.getProperty("java.home"), "bin", "java");
        String thisJdk = "JDK " + Runtime.version().feature();
        Map<String, Path> here = new HashMap<>();
        SERVICES.forEach(service -> here.put(service.module(), thisJava));
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(thisJdk, "plain", here, List.of()));
        if (SERVICES.stream()
                .allMatch(service -> Files.exists(app(root, service).resolve(APP_CDS)))) {
            variants.add(new Variant(
                    thisJdk + ", AppCDS", "cds", here, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + APP_CDS)));
        }
        Map<String, Path> aotJava = new HashMap<>();
        for (Service service : SERVICES) {
            Path app = app(root, service);
            Path made = app.resolve(AOT_CACHE + ".java");
            if (Files.exists(app.resolve(AOT_CACHE)) && Files.exists(made)) {
                aotJava.put(service.module(), Path.of(Files.readString(made).trim()));
            }
        }
        if (aotJava.size() == SERVICES.size()) {
            String jdk = "JDK " + feature(aotJava.get(SERVICES.get(0).module()));
            List<String> options = split(java25Opts);
            variants.add(new Variant(jdk, "jdk" + jdk.substring(4), aotJava, options));
            List<String> withCache = new ArrayList<>(options);
            withCache.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + AOT_CACHE));
            variants.add(new Variant(jdk + ", AOT cache", "aot", aotJava, withCache));
            List<String> recording = new ArrayList<>(options);
            recording.add("-XX:AOTCacheOutput=" + TRAINED_CACHE);
            List<String> withTrained = new ArrayList<>(options);
            withTrained.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + TRAINED_CACHE));
            variants.add(new Variant(
                    jdk + ", AOT cache trained to ready",
                    "trained",
                    aotJava,
                    withTrained,
                    new Variant(jdk + ", training", "training", aotJava, recording)));
        }
        return variants;
    }

    /** The feature version of the JDK of a {@code bin/java}, from its {@code release} file. */
    private static String feature(Path java) throws IOException {
        Path release = java.toAbsolutePath().getParent().getParent().resolve("release");
        return Files.readAllLines(release).stream()
                .filter(line -> line.startsWith("JAVA_VERSION="))
                .map(line -> line.replaceAll("JAVA_VERSION=\"([0-9]+).*", "$1"))
                .findFirst()
                .orElse("?");
    }

    static Path app(Path root, Service service) {
        return root.resolve(service.module()).resolve("target/quarkus-app");
    }

    static List<String> split(String options) {
        return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }
}
