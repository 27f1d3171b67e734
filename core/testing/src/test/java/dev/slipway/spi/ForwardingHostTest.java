package dev.slipway.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Batch;
import dev.slipway.Command;
import dev.slipway.CommandResult;
import dev.slipway.FileInfo;
import dev.slipway.Host;
import dev.slipway.HostContext;
import dev.slipway.Operation;
import dev.slipway.event.CommandEvent;
import dev.slipway.event.Event;
import dev.slipway.testing.FakeHost;
import dev.slipway.testing.FakeTransport;
import dev.slipway.testing.RecordedCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A forwarding host passes every abstract method of Host on, and its views are the delegate's. */
class ForwardingHostTest {
  private final FakeHost fake = FakeHost.named("web1").lenient();
  private final Host forwarding = new ForwardingHost(fake) { };

  @Test
  void names_context_transport_and_text_are_the_delegates() {
    assertThat(forwarding.name()).isEqualTo("web1");
    assertThat(new ForwardingHost(fake.cd("/srv")) { }.context()).isEqualTo(HostContext.NONE.cd("/srv"));
    assertThat(forwarding.unwrap(FakeTransport.class)).isEqualTo(fake.unwrap(FakeTransport.class)).isPresent();
    assertThat(forwarding).hasToString("fake host web1");
  }

  @Test
  void commands_and_batches_run_on_the_delegate() {
    fake.when("echo hi").thenOutput("hi\n");

    CommandResult result = forwarding.execute(Command.shell("echo hi"));
    forwarding.apply(Batch.of(new Operation.Mkdirs("/srv/app")));

    assertThat(result.stdout()).isEqualTo("hi\n");
    assertThat(fake.commands()).containsExactly("echo hi");
    assertThat(fake.operations()).containsExactly(new Operation.Mkdirs("/srv/app"));
    assertThat(fake.fs().isDirectory("/srv/app")).isTrue();
  }

  @Test
  void file_operations_act_on_the_delegate() {
    forwarding.mkdirs("/srv/app/releases");
    forwarding.write("/srv/app/releases/a.txt", "a".getBytes(StandardCharsets.UTF_8), 0600);
    forwarding.upload(new ByteArrayInputStream("b".getBytes(StandardCharsets.UTF_8)), "/srv/app/b.txt", 0644);
    forwarding.symlink("/srv/app/releases", "/srv/app/next");
    forwarding.rename("/srv/app/next", "/srv/app/current");
    forwarding.write("/srv/app/c.txt", new byte[] {'c'}, 0644);
    forwarding.delete("/srv/app/c.txt");
    ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
    forwarding.download("/srv/app/releases/a.txt", downloaded);

    assertThat(fake.fs().readString("/srv/app/releases/a.txt")).isEqualTo("a");
    assertThat(fake.fs().readString("/srv/app/b.txt")).isEqualTo("b");
    assertThat(fake.fs().readLink("/srv/app/current")).isEqualTo("/srv/app/releases");
    assertThat(fake.fs().exists("/srv/app/c.txt")).isFalse();
    assertThat(downloaded.toString(StandardCharsets.UTF_8)).isEqualTo("a");
    assertThat(forwarding.read("/srv/app/releases/a.txt")).asString().isEqualTo("a");
    assertThat(forwarding.stat("/srv/app/releases/a.txt")).map(FileInfo::mode).contains(0600);
    assertThat(forwarding.list("/srv/app")).extracting(FileInfo::name).containsExactly("b.txt", "current", "releases");
    assertThat(forwarding.readLink("/srv/app/current")).contains("/srv/app/releases");
  }

  @Test
  void closing_closes_the_delegate() {
    Closes closes = new Closes(fake);

    new ForwardingHost(closes) { }.close();

    assertThat(closes.count).isEqualTo(1);
  }

  @Test
  void conveniences_go_through_the_overridden_methods() {
    Logged logged = new Logged(fake);

    logged.run("echo %s", "run");
    logged.test("true");
    logged.capture("echo capture");

    assertThat(logged.log).containsExactly("echo run", "true", "echo capture");
  }

  @Test
  void views_are_the_delegates_sharing_its_connection_but_not_the_overrides() {
    Logged logged = new Logged(fake);

    Host view = logged.cd("/srv/app").sudo();
    view.run("true");

    assertThat(view).isNotInstanceOf(Logged.class);
    assertThat(view.context()).isEqualTo(HostContext.NONE.cd("/srv/app").as("root"));
    assertThat(logged.log).isEmpty();
    assertThat(fake.recorded()).extracting(RecordedCommand::context).containsExactly(view.context());
  }

  @Test
  void a_listener_view_reports_the_delegates_commands() {
    List<Event> events = new ArrayList<>();

    forwarding.withListener(events::add).run("true");

    assertThat(events).filteredOn(CommandEvent.class::isInstance).hasSize(1);
    assertThat(fake.commands()).containsExactly("true");
  }

  @Test
  void a_subclass_that_wraps_the_delegates_views_keeps_its_overrides_on_them() {
    LoggedViews logged = new LoggedViews(fake);

    logged.cd("/srv/app").env("A", "1").run("true");

    assertThat(logged.log).containsExactly("true");
    assertThat(fake.recorded()).extracting(RecordedCommand::context)
        .containsExactly(HostContext.NONE.cd("/srv/app").env("A", "1"));
  }

  /** Counts its closes. */
  private static final class Closes extends ForwardingHost {
    private int count;

    Closes(Host host) {
      super(host);
    }

    @Override
    public void close() {
      count++;
      super.close();
    }
  }

  /** Logs the commands it runs itself; its views are the delegate's. */
  private static class Logged extends ForwardingHost {
    final List<String> log;

    Logged(Host host) {
      this(host, new ArrayList<>());
    }

    Logged(Host host, List<String> log) {
      super(host);
      this.log = log;
    }

    @Override
    public CommandResult execute(Command command) {
      log.add(command.toString());
      return super.execute(command);
    }
  }

  /** Logs the commands of its views too, sharing one log. */
  private static final class LoggedViews extends Logged {
    LoggedViews(Host host, List<String> log) {
      super(host, log);
    }

    LoggedViews(Host host) {
      this(host, new ArrayList<>());
    }

    @Override
    public Host withContext(HostContext context) {
      return new LoggedViews(super.withContext(context), log);
    }
  }
}
