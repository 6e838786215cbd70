package org.limber.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The launcher as far as KilledLauncherTest needs it, run as a process of its own so that the test can
 * {@code kill -9} it: what {@link Launcher#start()} does before PostgreSQL (end what an earlier run left, found
 * by the pid file, then check the ports), then every service of {@link ServiceProcess#services} started by
 * {@link ServiceProcess#start}, each recorded in the pid file as the launcher records it, and "READY" once all
 * answer. A SIGTERM stops them, as Ctrl-C stops the launcher. Arguments: the repository's folder, then the nine
 * ports in {@link Ports}' order.
 */
public final class LauncherStandIn {

    private LauncherStandIn() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int[] p = new int[13];
        for (int i = 0; i < p.length; i++) {
            p[i] = Integer.parseInt(args[i + 1]);
        }
        Ports ports = new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12]);
        Path local = root.resolve(".local");
        PidFile pidFile = new PidFile(local.resolve("run/pids"), root);
        List<ManagedProcess> processes = Collections.synchronizedList(new ArrayList<>());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            processes.forEach(process -> process.stop(Duration.ofSeconds(10)));
            pidFile.delete();
        }));
        try {
            pidFile.killLeftovers(System.out::println);
            ports.checkFree();
            List<ServiceProcess.Service> services = ServiceProcess.services(ports);
            for (ServiceProcess.Service service : services) {
                System.out.println("Starting " + service.module() + " on port " + service.port());
                processes.add(ServiceProcess.start(service, root, local, ports));
                pidFile.write(processes.stream().map(ManagedProcess::pid).toList());
            }
            for (int i = 0; i < services.size(); i++) {
                awaitReady(services.get(i), processes.get(i));
            }
        } catch (RuntimeException e) {
            System.out.println("Could not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("READY");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void awaitReady(ServiceProcess.Service service, ManagedProcess process) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(ServiceProcess.readinessUrl(service)))
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not yet
            }
            if (!process.alive()) {
                throw new IllegalStateException(service.module() + " exited:\n" + process.tail(20));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(service.module() + " is not ready:\n" + process.tail(20));
            }
            Thread.sleep(100);
        }
    }
}
