package dev.slipway.spi;

import static java.util.Objects.requireNonNull;

import dev.slipway.Batch;
import dev.slipway.Command;
import dev.slipway.CommandResult;
import dev.slipway.FileInfo;
import dev.slipway.Host;
import dev.slipway.HostContext;
import dev.slipway.event.EventListener;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Host} that passes every abstract method of {@code Host} to another host, for a host that
 * changes a few of them: one that logs, measures, injects faults or names a type of its own
 * ({@code SshHost}, {@code LocalHost}, {@code FakeHost}). A subclass overrides what it changes and
 * calls {@code super} for the rest, as with Guava's {@code Forwarding*} classes and OkHttp's
 * {@code ForwardingSource}:
 *
 * <pre>{@code
 * final class Logged extends ForwardingHost {
 *   Logged(Host host) {
 *     super(host);
 *   }
 *
 *   @Override
 *   public CommandResult execute(Command command) {
 *     log.info("{}: {}", name(), command);             // secrets masked by Command.toString()
 *     return super.execute(command);
 *   }
 *
 *   @Override
 *   public Host withContext(HostContext context) {     // keeps cd(..), sudo(), dryRun() ... logged
 *     return new Logged(super.withContext(context));
 *   }
 * }
 * }</pre>
 *
 * <p>The conveniences of {@code Host} ({@code run}, {@code test}, {@code capture},
 * {@code readString}, {@code exists}, ...) are not forwarded: they are {@code Host}'s defaults
 * over this host's methods, so overriding {@code execute} changes {@code run} and {@code test}
 * too, and overriding {@code read} changes {@code readString}.
 *
 * <p><b>Views are the delegate's.</b> {@link #withContext} and {@link #withListener} return the
 * delegate's views, and so do {@code cd}, {@code env}, {@code prefix}, {@code as}, {@code sudo}
 * and {@code dryRun}, which go through {@code withContext}: they share the connection but none of
 * this host's overrides. A subclass whose changes must hold on its views overrides both methods to
 * wrap the delegate's view, as {@code Logged} does above for {@code withContext}.
 * {@link #toString()} is the delegate's; {@code equals} is identity.
 */
public abstract class ForwardingHost implements Host {
  private final Host delegate;

  /** A host that forwards to {@code delegate}. */
  protected ForwardingHost(Host delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /** The host every call is forwarded to. */
  protected final Host delegate() {
    return delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public HostContext context() {
    return delegate.context();
  }

  @Override
  public Host withContext(HostContext context) {
    return delegate.withContext(context);
  }

  @Override
  public Host withListener(EventListener listener) {
    return delegate.withListener(listener);
  }

  @Override
  public CommandResult execute(Command command) {
    return delegate.execute(command);
  }

  @Override
  public CommandResult apply(Batch batch) {
    return delegate.apply(batch);
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return delegate.unwrap(type);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public byte[] read(String path) {
    return delegate.read(path);
  }

  @Override
  public void write(String path, byte[] content, int mode) {
    delegate.write(path, content, mode);
  }

  @Override
  public Optional<FileInfo> stat(String path) {
    return delegate.stat(path);
  }

  @Override
  public List<FileInfo> list(String directory) {
    return delegate.list(directory);
  }

  @Override
  public void mkdirs(String path) {
    delegate.mkdirs(path);
  }

  @Override
  public void symlink(String target, String link) {
    delegate.symlink(target, link);
  }

  @Override
  public Optional<String> readLink(String path) {
    return delegate.readLink(path);
  }

  @Override
  public void rename(String from, String to) {
    delegate.rename(from, to);
  }

  @Override
  public void delete(String path) {
    delegate.delete(path);
  }

  @Override
  public void upload(InputStream content, String path, int mode) {
    delegate.upload(content, path, mode);
  }

  @Override
  public void download(String path, OutputStream sink) {
    delegate.download(path, sink);
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
