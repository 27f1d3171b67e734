package dev.slipway.git.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);
  private static final String BLOB = "c".repeat(40);

  @Test
  void a_manifest_reads_back_what_it_wrote_even_for_odd_paths() {
    Manifest manifest = new Manifest("0123abcd", List.of(
        new Manifest.Entry("app.py", 0100644, SHA_A, BLOB),
        new Manifest.Entry("dir with space/line\nbreak and back\\slash", 0100755, SHA_B, BLOB),
        new Manifest.Entry("start", 0120000, SHA_A, BLOB)));

    assertThat(Manifest.parse(manifest.render())).contains(manifest);
  }

  @Test
  void text_that_is_no_manifest_is_ignored() {
    assertThat(Manifest.parse("hello\n")).isEmpty();
    assertThat(Manifest.parse("# slipway manifest v1 abc\nbroken line\n")).isEmpty();
  }

  @Test
  void a_file_whose_mode_changed_counts_as_changed() {
    Manifest before = new Manifest("1", List.of(new Manifest.Entry("run.sh", 0100644, SHA_A, BLOB),
        new Manifest.Entry("app.py", 0100644, SHA_A, BLOB)));
    Manifest after = new Manifest("2", List.of(new Manifest.Entry("run.sh", 0100755, SHA_A, BLOB),
        new Manifest.Entry("app.py", 0100644, SHA_A, BLOB), new Manifest.Entry("new.py", 0100644, SHA_B, BLOB)));

    assertThat(after.changedSince(before)).extracting(Manifest.Entry::path).containsExactly("run.sh", "new.py");
    assertThat(after.unchangedSince(before)).extracting(Manifest.Entry::path).containsExactly("app.py");
  }

  @Test
  void directories_list_every_parent_before_its_children() {
    Manifest manifest = new Manifest("1", List.of(new Manifest.Entry("a/b/c.txt", 0100644, SHA_A, BLOB),
        new Manifest.Entry("a-b/d.txt", 0100644, SHA_A, BLOB), new Manifest.Entry("top.txt", 0100644, SHA_A, BLOB)));

    assertThat(manifest.directories()).containsExactly("a", "a-b", "a/b");
  }
}
