package org.sdvp.serve.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The one way the server reaches a file: a path relative to {@code --runs}, resolved and checked to stay
 * under it (after following symbolic links). Anything else — {@code ..}, an absolute path, a link out of
 * the folder, a NUL byte — is {@link NotFound}: the server never says whether such a file exists.
 */
public final class RunFiles {
    /** A path outside the runs folder, or no such file. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String what) {
            super(what);
        }
    }

    private final Path root;

    /** @param root the {@code --runs} folder; must exist */
    public RunFiles(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    public Path root() {
        return root;
    }

    /** The existing file or folder {@code relative} names under the root ("" is the root itself). */
    public Path resolve(String relative) {
        if (relative == null || relative.indexOf('\0') >= 0 || relative.startsWith("/") || relative.startsWith("\\")) {
            throw new NotFound("not under the runs folder");
        }
        try {
            Path p = root.resolve(relative).normalize();
            return contained(p);
        } catch (InvalidPathException e) {
            throw new NotFound("not under the runs folder");
        }
    }

    /** {@code p} (absolute, or relative to the root) if it exists and lies under the root, after links. */
    public Path contained(Path p) {
        Path abs = p.isAbsolute() ? p : root.resolve(p);
        if (!abs.normalize().startsWith(root) || !Files.exists(abs)) throw new NotFound("no such run file");
        try {
            Path real = abs.toRealPath();
            if (!real.startsWith(root)) throw new NotFound("not under the runs folder");
            return real;
        } catch (IOException e) {
            throw new NotFound("no such run file");
        }
    }

    /** Whether {@code p} exists and lies under the root. */
    public boolean isInside(Path p) {
        try {
            contained(p);
            return true;
        } catch (NotFound e) {
            return false;
        }
    }

    /** {@code p} relative to the root, with forward slashes: the form pages put into links. */
    public String relative(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
