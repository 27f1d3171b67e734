package dev.slipway.ssh.internal;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import dev.slipway.FileInfo;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * File operations over one SFTP channel, opened on first use and kept open on the session.
 * {@link ChannelSftp} is not thread-safe: one operation at a time.
 */
public final class SftpFiles implements AutoCloseable {
  private final ChannelGate gate;
  private ChannelSftp channel;

  public SftpFiles(ChannelGate gate) {
    this.gate = gate;
  }

  /** Streams {@code content} into {@code path} with permission bits {@code mode}. */
  public synchronized void put(Session session, InputStream content, String path, int mode) throws SftpException {
    ChannelSftp sftp = channel(session);
    try {
      sftp.put(content, path, ChannelSftp.OVERWRITE);
      sftp.chmod(mode, path);
    } catch (SftpException e) {
      removeQuietly(sftp, path);
      throw e;
    }
  }

  public synchronized void get(Session session, String path, OutputStream sink) throws SftpException {
    channel(session).get(path, sink);
  }

  /** Renames with {@code posix-rename@openssh.com} when the server offers it (JSch picks it). */
  public synchronized void rename(Session session, String from, String to) throws SftpException {
    channel(session).rename(from, to);
  }

  public synchronized void remove(Session session, String path) {
    removeQuietly(channel(session), path);
  }

  public synchronized Optional<FileInfo> stat(Session session, String path) throws SftpException {
    ChannelSftp sftp = channel(session);
    try {
      SftpATTRS attributes = sftp.lstat(path);
      // Apache MINA SSHD answers "unknown" (no permissions, so no file type) below a regular file.
      if ((attributes.getFlags() & SftpATTRS.SSH_FILEXFER_ATTR_PERMISSIONS) == 0) {
        return Optional.empty();
      }
      return Optional.of(info(sftp, path, attributes));
    } catch (SftpException e) {
      if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
        return Optional.empty();
      }
      throw e;
    }
  }

  public synchronized List<FileInfo> list(Session session, String directory) throws SftpException {
    ChannelSftp sftp = channel(session);
    List<FileInfo> entries = new ArrayList<>();
    String parent = directory.endsWith("/") ? directory : directory + "/";
    for (ChannelSftp.LsEntry entry : sftp.ls(directory)) {
      if (!entry.getFilename().equals(".") && !entry.getFilename().equals("..")) {
        entries.add(info(sftp, parent + entry.getFilename(), entry.getAttrs()));
      }
    }
    entries.sort(Comparator.comparing(FileInfo::name));
    return entries;
  }

  private static FileInfo info(ChannelSftp sftp, String path, SftpATTRS attrs) throws SftpException {
    FileInfo.Type type = attrs.isLink() ? FileInfo.Type.SYMLINK
        : attrs.isDir() ? FileInfo.Type.DIRECTORY
        : attrs.isReg() ? FileInfo.Type.FILE
        : FileInfo.Type.OTHER;
    Optional<String> target = attrs.isLink() ? Optional.of(sftp.readlink(path)) : Optional.empty();
    return new FileInfo(path, type, attrs.getSize(), attrs.getPermissions() & 07777,
        Instant.ofEpochSecond(attrs.getMTime()), target);
  }

  private static void removeQuietly(ChannelSftp sftp, String path) {
    try {
      sftp.rm(path);
    } catch (SftpException ignored) {
      // nothing there, or already gone: either way the temporary name is free
    }
  }

  private ChannelSftp channel(Session session) {
    if (channel != null && (channel.isClosed() || !sameSession(session))) {
      gate.release(channel);
      channel = null;
    }
    if (channel == null) {
      channel = gate.open(session, "sftp", ChannelSftp.class, ch -> { });
    }
    return channel;
  }

  private boolean sameSession(Session session) {
    try {
      return channel.getSession() == session;
    } catch (JSchException e) {
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (channel != null) {
      gate.release(channel);
      channel = null;
    }
  }
}
