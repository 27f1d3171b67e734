package dev.slipway.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.examples.hello.HelloWorld.SayHello;
import dev.slipway.local.LocalHost;
import dev.slipway.node.Execution;
import dev.slipway.node.HostFailuresException;
import dev.slipway.node.Node;
import dev.slipway.testing.FakeHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a user tests deploy logic: real shell for the local node, fake hosts for remote ones. */
class HelloWorldTest {
  private final FakeHost local = FakeHost.named("local").when("echo hello world").thenOutput("hello world\n");
  private final FakeHost web1 = FakeHost.named("web1").when("echo hello world").thenOutput("hello world\n");
  private final FakeHost web2 = FakeHost.named("web2").when("echo hello world").thenOutput("hello world\n");

  @Test
  void says_hello_on_this_machine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    HelloWorld.sayHello(HelloWorld.tree(LocalHost.create(), List.of()), "/local_hello",
        new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[local] hello world\n");
  }

  @Test
  void says_hello_on_every_remote_host_and_nowhere_else() {
    Node root = HelloWorld.tree(local, List.of(web1, web2));

    try (Execution execution = Execution.of(root)) {
      execution.invoke("/remote_hello", "hello", List.of());
    }

    assertThat(web1.commands()).containsExactly("echo hello world");
    assertThat(web2.commands()).containsExactly("echo hello world");
    assertThat(local.commands()).isEmpty();
  }

  @Test
  void a_node_is_unit_tested_with_a_fake_host_alone() {
    SayHello node = new SayHello();
    node.roles(roles -> roles.add("host", web1));

    node.hello();

    assertThat(web1.commands()).containsExactly("echo hello world");
  }

  @Test
  void a_host_that_fails_is_named_in_the_error() {
    FakeHost broken = FakeHost.named("web3");
    broken.when("echo hello world").thenFail(1, "echo: write error: No space left on device");
    Node root = HelloWorld.tree(local, List.of(web1, broken));

    HostFailuresException failure = catchThrowableOfType(HostFailuresException.class,
        () -> Execution.of(root).invoke("/remote_hello", "hello", List.of()));

    assertThat(failure.hosts()).containsExactly("web3");
    assertThat(failure).hasMessageContaining("echo hello world failed on 1 of 2 hosts: web3")
        .hasMessageContaining("No space left on device");
    assertThat(web1.commands()).containsExactly("echo hello world");
  }

  @Test
  void the_tree_lists_both_nodes_and_their_action() {
    Node root = HelloWorld.tree(local, List.of(web1));

    assertThat(root.children()).extracting(Node::path).containsExactly("/local_hello", "/remote_hello");
    assertThat(root.find("/remote_hello").orElseThrow().actions()).extracting(a -> a.signature())
        .containsExactly("hello()");
  }
}
