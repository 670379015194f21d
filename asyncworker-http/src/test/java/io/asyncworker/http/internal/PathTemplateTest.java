package io.asyncworker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void parsesLiteralsAndWholeSegmentParameters() {
        PathTemplate t = PathTemplate.parse("/items/{id}/tags/{tag_name}/");
        assertThat(t.template()).isEqualTo("/items/{id}/tags/{tag_name}");
        assertThat(t.params()).containsExactly("id", "tag_name");
        assertThat(t.key()).isEqualTo("/items/{}/tags/{}");
        assertThat(t.vertxPath()).isEqualTo("/items/:id/tags/:tag_name");
    }

    @Test
    void keepsTheRootPath() {
        assertThat(PathTemplate.parse("/").template()).isEqualTo("/");
        assertThat(PathTemplate.parse("/").vertxPath()).isEqualTo("/");
    }

    @Test
    void givesTheSameKeyToPathsDifferingOnlyInParameterNames() {
        assertThat(PathTemplate.parse("/items/{id}").key()).isEqualTo(PathTemplate.parse("/items/{key}").key());
    }

    @Test
    void rejectsInvalidPathsNamingThem() {
        for (String bad : List.of("items", "/items//x", "/items/{id", "/items/x{id}", "/items/{1d}", "/a/{x}/{x}",
                "/items/:id", "/items/*", "/a b", "/a/../b", "/q?x=1")) {
            assertThatThrownBy(() -> PathTemplate.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path '" + bad + "'");
        }
    }

    @Test
    void ordersLiteralSegmentsBeforeParameters() {
        List<PathTemplate> paths = new ArrayList<>(List.of(PathTemplate.parse("/{a}/b"), PathTemplate.parse("/items/{id}"),
                PathTemplate.parse("/items/new"), PathTemplate.parse("/items"), PathTemplate.parse("/a/{x}")));
        paths.sort(null);
        assertThat(paths).extracting(PathTemplate::template)
                .containsExactly("/items/new", "/a/{x}", "/items/{id}", "/items", "/{a}/b");
    }
}
