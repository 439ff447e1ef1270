package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** MockWebServer logs every request at INFO; the emulator must keep it quiet. */
class QuietLoggingTest {

  @Test
  void requestsAreNotLoggedAtInfo() {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.INFO.intValue()) {
          records.add(record);
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger logger = Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");
    // Whatever the test logging configuration says about io.fabric8, open it up: only the emulator's own
    // setting may keep MockWebServer quiet here.
    Logger fabric8 = Logger.getLogger("io.fabric8");
    Level configured = fabric8.getLevel();
    fabric8.setLevel(Level.INFO);
    logger.addHandler(handler);
    try (EmulatedCluster cluster = EmulatedCluster.start("quiet", 0)) {
      for (int i = 0; i < 5; i++) {
        assertThat(Http.get(cluster, "/api/v1/namespaces").statusCode()).isEqualTo(200);
      }
      cluster.restart();
    } finally {
      logger.removeHandler(handler);
      fabric8.setLevel(configured);
    }

    assertThat(records).isEmpty();
  }
}
