package dev.slipway.local;

import static java.util.Objects.requireNonNull;

import dev.slipway.FileInfo;
import dev.slipway.spi.Transport;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Transport} whose file operations act on a java.nio file system through {@link NioFiles}:
 * the local transport (the default file system) and the fake one (in memory) share them, so their
 * file semantics cannot drift apart. Subclasses say how commands run.
 */
public abstract class NioTransport implements Transport {
  private final NioFiles files;

  protected NioTransport(NioFiles files) {
    this.files = requireNonNull(files, "files");
  }

  /** The file operations, for subclasses that apply batches themselves. */
  protected final NioFiles files() {
    return files;
  }

  @Override
  public byte[] read(String path) {
    return files.read(path);
  }

  @Override
  public void write(String path, byte[] content, int mode) {
    files.write(path, content, mode);
  }

  @Override
  public Optional<FileInfo> stat(String path) {
    return files.stat(path);
  }

  @Override
  public List<FileInfo> list(String directory) {
    return files.list(directory);
  }

  @Override
  public void mkdirs(String path) {
    files.mkdirs(path);
  }

  @Override
  public void symlink(String target, String link) {
    files.symlink(target, link);
  }

  @Override
  public Optional<String> readLink(String path) {
    return files.readLink(path);
  }

  @Override
  public void rename(String from, String to) {
    files.rename(from, to);
  }

  @Override
  public void delete(String path) {
    files.delete(path);
  }

  @Override
  public void upload(InputStream content, String path, int mode) {
    files.upload(content, path, mode);
  }

  @Override
  public void download(String path, OutputStream sink) {
    files.download(path, sink);
  }
}
