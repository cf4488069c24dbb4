/**
 * The JDK 17 frames under a `java.nio.file.NoSuchFileException` when a Kafka tool opens a file
 * that is not there (`Files.newByteChannel` on Linux), for the stack traces the tools print.
 */
const newByteChannelFrames = [
  'java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)',
  'java.base/sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:106)',
  'java.base/sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:111)',
  'java.base/sun.nio.fs.UnixFileSystemProvider.newByteChannel(UnixFileSystemProvider.java:218)',
  'java.base/java.nio.file.Files.newByteChannel(Files.java:380)',
  'java.base/java.nio.file.Files.newByteChannel(Files.java:432)',
] as const;

/** Through `Files.newInputStream`, as `Utils.loadProps` opens a properties file. */
export const newInputStreamFrames: readonly string[] = [
  ...newByteChannelFrames,
  'java.base/java.nio.file.spi.FileSystemProvider.newInputStream(FileSystemProvider.java:422)',
  'java.base/java.nio.file.Files.newInputStream(Files.java:160)',
];

/** Through `Files.readAllBytes`, as `Utils.readFileAsString` reads a file. */
export const readAllBytesFrames: readonly string[] = [
  ...newByteChannelFrames,
  'java.base/java.nio.file.Files.readAllBytes(Files.java:3288)',
];
