package org.mvoting.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mvoting.sql.DdlParser.Dialect;

/** One folder of Flyway migrations (V{n}__{description}.sql), in version order, and the schemas it builds. */
final class Migrations {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    record Migration(int version, String description, Path file) {
        String fileName() {
            return file.getFileName().toString();
        }
    }

    final Dialect dialect;
    final List<Migration> migrations;

    private Migrations(Dialect dialect, List<Migration> migrations) {
        this.dialect = dialect;
        this.migrations = migrations;
    }

    /** The folder of {@code dialect} in the sql module (the module's base directory under Maven). */
    static Migrations of(Dialect dialect) {
        Path folder = Path.of(System.getProperty("basedir", ".")).resolve(dialect.folder());
        List<Migration> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    throw new IllegalStateException(file + ": not a versioned migration name (V{n}__{name}.sql)");
                }
                list.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        list.sort(Comparator.comparingInt(Migration::version));
        return new Migrations(dialect, List.copyOf(list));
    }

    /** The schema after each migration in turn, starting from an empty one; dialect problems go to {@code problems}. */
    List<Schema> schemas(List<String> problems) {
        Schema schema = new Schema();
        DdlParser parser = new DdlParser(dialect, schema, problems);
        List<Schema> after = new ArrayList<>();
        for (Migration m : migrations) {
            try {
                parser.apply(dialect.folder() + "/" + m.fileName(),
                        Files.readString(m.file(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            after.add(SchemaDiff.copy(schema));
        }
        return after;
    }
}
