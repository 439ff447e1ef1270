package dev.pilothouse.demo;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo environment headless: {@code DemoServer PORT [--write-kubeconfig FILE] [--no-simulate]}. prod
 * listens on PORT, staging on PORT + 1 (PORT 0: free ports). Stops on Ctrl-C. The desktop app's
 * {@code --demo-server} does the same through {@link DemoEnvironment}.
 */
public final class DemoServer {

  private DemoServer() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1) {
      System.err.println("usage: DemoServer PORT [--write-kubeconfig FILE] [--no-simulate]");
      System.exit(2);
    }
    int port;
    try {
      port = Integer.parseInt(args[0]);
    } catch (NumberFormatException e) {
      System.err.println("PORT must be a number, got '" + args[0] + "'");
      System.exit(2);
      return;
    }
    Path kubeconfig = null;
    boolean simulate = true;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--write-kubeconfig" -> {
          if (i + 1 >= args.length) {
            System.err.println("--write-kubeconfig needs a FILE");
            System.exit(2);
          }
          kubeconfig = Path.of(args[++i]);
        }
        case "--no-simulate" -> simulate = false;
        default -> {
          System.err.println("unknown argument '" + args[i] + "'");
          System.exit(2);
        }
      }
    }
    DemoEnvironment demo = DemoEnvironment.start(DemoOptions.defaults().withBasePort(port).withSimulate(simulate));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      demo.close();
      stopped.countDown();
    }));
    for (EmulatedCluster cluster : demo.clusters()) {
      System.out.println("demo-" + cluster.name() + " " + cluster.url());
    }
    if (kubeconfig != null) {
      System.out.println("kubeconfig " + demo.writeKubeconfig(kubeconfig));
    }
    stopped.await();
  }
}
