package org.activationlab.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes a file completely or not at all: a temporary file beside it, then a move. */
public final class AtomicFiles {

  /** Writes the content to a stream. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static final Set<PosixFilePermission> PLAIN_FILE =
      PosixFilePermissions.fromString("rw-r--r--");

  private AtomicFiles() {}

  /**
   * Temporary files are private (rw-------); the result should look like any saved file: the
   * replaced file's permissions, or rw-r--r-- for a new one.
   */
  private static void givePermissionsOfAPlainFile(Path tmp, Path target) {
    try {
      Set<PosixFilePermission> perms = Files.exists(target)
          ? Files.getPosixFilePermissions(target) : PLAIN_FILE;
      Files.setPosixFilePermissions(tmp, perms);
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: its defaults apply
    }
  }

  /**
   * Writes {@code out} atomically.
   *
   * @throws IOException with a plain message (folder missing or not writable, disk full, …); no
   *     partial or temporary file is left behind
   */
  public static void write(Path out, Writer writer) throws IOException {
    try (Pending pending = begin(out)) {
      try (OutputStream os = Files.newOutputStream(pending.temporaryFile())) {
        writer.write(os);
      }
      pending.commit();
    }
  }

  /**
   * Starts writing {@code out} for a writer that needs the file itself or writes over time (an
   * animated GIF recorded frame by frame): write into {@link Pending#temporaryFile()}, then {@link
   * Pending#commit()}; {@link Pending#close()} without a commit deletes the temporary file, so
   * use try-with-resources and nothing partial is ever left.
   *
   * @throws IOException with a plain message if the folder is missing or not writable, or {@code
   *     out} is a folder
   */
  public static Pending begin(Path out) throws IOException {
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException("folder does not exist: " + dir);
    }
    if (Files.isDirectory(target)) {
      throw new IOException("is a folder: " + target);
    }
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    } catch (IOException e) {
      throw new IOException("cannot write in folder " + dir + " (" + e.getClass().getSimpleName()
          + ")", e);
    }
    return new Pending(target, tmp);
  }

  /** A file being written: a temporary file beside the target until {@link #commit()}. */
  public static final class Pending implements Closeable {
    private final Path target;
    private final Path tmp;
    private boolean committed;

    private Pending(Path target, Path tmp) {
      this.target = target;
      this.tmp = tmp;
    }

    /** Where to write (a hidden file in the target's folder). */
    public Path temporaryFile() {
      return tmp;
    }

    /** The file that {@link #commit()} creates or replaces. */
    public Path target() {
      return target;
    }

    /** Moves the temporary file onto the target (atomically where the file system can). */
    public void commit() throws IOException {
      if (committed) {
        throw new IllegalStateException("already committed: " + target);
      }
      givePermissionsOfAPlainFile(tmp, target);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() throws IOException {
      if (!committed) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
