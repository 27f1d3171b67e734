package dev.slipway;

/** A file operation on a host failed: missing file, no permission, full disk. Names host and path. */
public class FileOperationException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final String path;

  public FileOperationException(String host, String path, String message, Throwable cause) {
    super(host + ": " + message + ": " + path + (cause != null && cause.getMessage() != null
        ? " (" + cause.getMessage() + ")" : ""), cause);
    this.host = host;
    this.path = path;
  }

  public FileOperationException(String host, String path, String message) {
    this(host, path, message, null);
  }

  /** The host. */
  public String host() {
    return host;
  }

  /** The path the operation was about. */
  public String path() {
    return path;
  }
}
