package io.asyncworker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.App;
import io.asyncworker.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpAddressTest {

    @Test
    void buildsBaseUris() {
        assertThat(new HttpAddress("127.0.0.1", 8080).uri()).hasToString("http://127.0.0.1:8080");
        assertThat(new HttpAddress("::1", 8080).uri()).hasToString("http://[::1]:8080");
    }

    @Test
    void rejectsPortsOutsideTheTcpRange() {
        assertThatThrownBy(() -> new HttpAddress("localhost", 0)).hasMessageContaining("port");
    }

    @Test
    void isEmptyForAnAppThatHasNotStarted() {
        assertThat(HttpAddress.of(App.create(Settings.from(Map.of())))).isEmpty();
    }
}
