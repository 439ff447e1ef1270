package dev.pilothouse.core.settings;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppDirsTest {

    private final Path home = Path.of("/home/ana");

    @Test
    void linuxFollowsXdgVariables() {
        AppDirs dirs = AppDirs.resolve("Linux", home, Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"));
        assertThat(dirs.config()).isEqualTo(Path.of("/cfg/pilothouse"));
        assertThat(dirs.data()).isEqualTo(Path.of("/data/pilothouse"));
        assertThat(dirs.cache()).isEqualTo(Path.of("/home/ana/.cache/pilothouse"));
    }

    @Test
    void linuxIgnoresRelativeXdgValuesAsTheSpecRequires() {
        AppDirs dirs = AppDirs.resolve("Linux", home, Map.of("XDG_CONFIG_HOME", "relative/dir"));
        assertThat(dirs.config()).isEqualTo(Path.of("/home/ana/.config/pilothouse"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(AppDirs.resolve("Mac OS X", home, Map.of()).config())
                .isEqualTo(Path.of("/home/ana/Library/Application Support/Pilothouse"));
    }

    @Test
    void windowsUsesAppData() {
        AppDirs dirs = AppDirs.resolve("Windows 11", home, Map.of("APPDATA", "/roam", "LOCALAPPDATA", "/local"));
        assertThat(dirs.config()).isEqualTo(Path.of("/roam/Pilothouse"));
        assertThat(dirs.data()).isEqualTo(Path.of("/local/Pilothouse"));
    }
}
