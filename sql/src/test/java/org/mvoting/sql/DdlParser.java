package org.mvoting.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.mvoting.sql.Schema.Column;
import org.mvoting.sql.Schema.Index;
import org.mvoting.sql.Schema.Key;
import org.mvoting.sql.Schema.Table;
import org.mvoting.sql.Schema.Type;

/**
 * A small, strict parser for the DDL this project's migrations use, in either dialect: CREATE TABLE (columns,
 * inline and table constraints, identity columns), CREATE [UNIQUE] INDEX (PostgreSQL: operator classes and
 * partial indexes), ALTER TABLE ADD / DROP / RENAME COLUMN, ADD / DROP CONSTRAINT, DROP TABLE, DROP INDEX,
 * COMMENT ON TABLE, and PostgreSQL's ALTER TABLE ... SET (storage parameters). Procedural code (triggers and their
 * functions: PostgreSQL's dollar-quoted bodies and DO blocks, Oracle's PL/SQL blocks ended by a line holding only
 * {@code /}) is not schema: it is recognised and skipped, so it can differ between the folders.
 *
 * <p>It applies each statement to a {@link Schema}. Anything it does not know is an error naming the statement,
 * so a migration that uses new syntax makes the parity test fail until the parser (and the other folder) follow.
 * Syntax that the named database would refuse (Oracle: {@code ADD COLUMN}, DEFAULT after a constraint, a
 * partial index; PostgreSQL: {@code ADD (...)}) is an error too, and so are Oracle-only pitfalls that a real
 * Oracle would only report at deploy: an unquoted reserved word as a name, a LOB in a key or index, a second
 * index on a column list that is already indexed (ORA-01408), a name longer than 128 characters.
 */
final class DdlParser {

    enum Dialect {
        POSTGRESQL, ORACLE;

        String folder() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Oracle's reserved words (the SQL Language Reference's list): not usable as unquoted names. */
    static final Set<String> ORACLE_RESERVED = Set.of("access", "add", "all", "alter", "and", "any", "as", "asc",
            "audit", "between", "by", "char", "check", "cluster", "column", "column_value", "comment", "compress",
            "connect", "create", "current", "date", "decimal", "default", "delete", "desc", "distinct", "drop",
            "else", "exclusive", "exists", "file", "float", "for", "from", "grant", "group", "having", "identified",
            "immediate", "in", "increment", "index", "initial", "insert", "integer", "intersect", "into", "is",
            "level", "like", "lock", "long", "maxextents", "minus", "mlslabel", "mode", "modify", "nested_table_id",
            "noaudit", "nocompress", "not", "nowait", "null", "number", "of", "offline", "on", "online", "option",
            "or", "order", "pctfree", "prior", "public", "raw", "rename", "resource", "revoke", "row", "rowid",
            "rownum", "rows", "select", "session", "set", "share", "size", "smallint", "start", "successful",
            "synonym", "sysdate", "table", "then", "to", "trigger", "uid", "union", "unique", "update", "user",
            "validate", "values", "varchar", "varchar2", "view", "whenever", "where", "with");

    /** Oracle's VARCHAR2 holds at most 4000 bytes unless MAX_STRING_SIZE = EXTENDED. */
    static final int ORACLE_VARCHAR2_MAX = 4000;

    private enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    private record Token(Kind kind, String text) {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }

        String sql() {
            return switch (kind) {
                case QUOTED -> '"' + text + '"';
                case STRING -> "'" + text.replace("'", "''") + "'";
                case WORD -> text.toUpperCase(Locale.ROOT);
                default -> text;
            };
        }
    }

    private final Dialect dialect;
    private final Schema schema;
    private final List<String> problems;
    private String where;
    private List<Token> tokens;
    private int pos;

    /** @param problems where dialect problems (not parse errors) are collected, one line each */
    DdlParser(Dialect dialect, Schema schema, List<String> problems) {
        this.dialect = dialect;
        this.schema = schema;
        this.problems = problems;
    }

    /** Applies one migration's statements in order; {@code source} names the migration in messages. */
    void apply(String source, String sql) {
        List<Token> all = tokenize(source, dialect == Dialect.ORACLE ? withoutPlsqlBlocks(sql) : sql);
        int start = 0;
        for (int i = 0; i <= all.size(); i++) {
            if (i == all.size() || all.get(i).is(";")) {
                if (i > start) {
                    statement(source, all.subList(start, i));
                }
                start = i + 1;
            }
        }
    }

    // ---------------------------------------------------------------------------------------- statements

    private void statement(String source, List<Token> statement) {
        tokens = statement;
        pos = 0;
        StringBuilder text = new StringBuilder();
        for (Token t : statement) {
            text.append(text.length() == 0 ? "" : " ").append(t.sql());
        }
        where = source + ": " + (text.length() > 90 ? text.substring(0, 90) + "..." : text);
        if (dialect == Dialect.POSTGRESQL && procedural()) {
            pos = tokens.size(); // a trigger, its function or a DO block: code, not schema
        } else if (accept("CREATE")) {
            if (accept("TABLE")) {
                createTable();
            } else {
                boolean unique = accept("UNIQUE");
                expect("INDEX");
                createIndex(unique);
            }
        } else if (accept("ALTER")) {
            expect("TABLE");
            alterTable(table(name("table")));
        } else if (accept("DROP")) {
            if (accept("TABLE")) {
                String t = name("table");
                schema.table(t, where);
                schema.tables.remove(t);
                schema.indexes.values().removeIf(i -> i.table().equals(t));
            } else {
                expect("INDEX");
                String i = name("index");
                if (schema.indexes.remove(i) == null) {
                    fail("no index " + i);
                }
            }
        } else if (accept("COMMENT")) {
            expect("ON");
            expect("TABLE");
            Table t = table(name("table"));
            expect("IS");
            t.comment = next().text();
        } else if (accept("INSERT")) {
            pos = tokens.size(); // data (a seed row), not schema: nothing to compare
        } else {
            fail("statement the parser does not know (extend DdlParser)");
        }
        if (pos < tokens.size()) {
            fail("unexpected '" + peek().text() + "'");
        }
    }

    /** CREATE [OR REPLACE] FUNCTION | TRIGGER, or DO (whose body the tokenizer read as one string). */
    private boolean procedural() {
        if (accept("DO")) {
            return peek().kind() == Kind.STRING;
        }
        if (!peek().is("CREATE")) {
            return false;
        }
        int at = pos + 1;
        if (at + 1 < tokens.size() && tokens.get(at).is("OR") && tokens.get(at + 1).is("REPLACE")) {
            at += 2;
        }
        return at < tokens.size() && (tokens.get(at).is("FUNCTION") || tokens.get(at).is("TRIGGER"));
    }

    /**
     * Oracle's PL/SQL blocks (CREATE [OR REPLACE] TRIGGER | FUNCTION | PROCEDURE, or an anonymous BEGIN/DECLARE
     * block) hold semicolons of their own and end at a line holding only {@code /}, as Flyway reads them: cut out
     * before the statements are split.
     */
    static String withoutPlsqlBlocks(String sql) {
        return PLSQL_BLOCK.matcher(sql).replaceAll("");
    }

    private static final Pattern PLSQL_BLOCK = Pattern.compile(
            "^[ \\t]*(CREATE\\s+(OR\\s+REPLACE\\s+)?(TRIGGER|FUNCTION|PROCEDURE)|BEGIN|DECLARE)\\b.*?^[ \\t]*/[ \\t]*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.DOTALL);

    private void createTable() {
        String name = newName("table");
        if (schema.tables.containsKey(name)) {
            fail("table " + name + " exists");
        }
        Table table = new Table(name);
        schema.tables.put(name, table);
        expect("(");
        do {
            if (peek().is("CONSTRAINT") || peek().is("PRIMARY") || peek().is("UNIQUE") || peek().is("CHECK")
                    || peek().is("FOREIGN")) {
                tableConstraint(table);
            } else {
                column(table);
            }
        } while (accept(","));
        expect(")");
    }

    private void createIndex(boolean unique) {
        String name = newName("index");
        expect("ON");
        Table table = table(name("table"));
        List<String> columns = new ArrayList<>();
        expect("(");
        do {
            String column = name("column");
            table.column(column, where);
            columns.add(column);
            if (peek().kind() == Kind.WORD && !peek().is("ASC") && !peek().is("DESC")) {
                String opclass = next().text();
                if (dialect == Dialect.ORACLE) {
                    fail("Oracle has no operator classes");
                }
                schema.setAside.add(source() + ": index " + name + " operator class " + opclass + " on " + column);
            }
            if (accept("DESC")) {
                fail("descending index columns are not modelled");
            }
            accept("ASC");
        } while (accept(","));
        expect(")");
        String predicate = null;
        if (accept("WHERE")) {
            if (dialect == Dialect.ORACLE) {
                fail("Oracle has no partial indexes");
            }
            predicate = rest();
        }
        if (schema.indexes.containsKey(name)) {
            fail("index " + name + " exists");
        }
        checkNotLob(table, columns, "index " + name);
        if (dialect == Dialect.ORACLE && alreadyIndexed(table, columns)) {
            problems.add(where + ": the column list (" + String.join(", ", columns)
                    + ") is already indexed (ORA-01408)");
        }
        schema.indexes.put(name, new Index(name, table.name, List.copyOf(columns), unique, predicate));
    }

    private void alterTable(Table table) {
        if (accept("ADD")) {
            if (accept("COLUMN")) {
                if (dialect == Dialect.ORACLE) {
                    fail("Oracle writes ALTER TABLE ... ADD (column ...), not ADD COLUMN");
                }
                column(table);
            } else if (peek().is("CONSTRAINT") || peek().is("PRIMARY") || peek().is("UNIQUE")
                    || peek().is("CHECK") || peek().is("FOREIGN")) {
                tableConstraint(table);
            } else if (accept("(")) {
                if (dialect == Dialect.POSTGRESQL) {
                    fail("PostgreSQL has no ALTER TABLE ... ADD (...) list");
                }
                do {
                    column(table);
                } while (accept(","));
                expect(")");
            } else {
                column(table);
            }
        } else if (accept("DROP")) {
            if (accept("CONSTRAINT")) {
                dropConstraint(table, name("constraint"));
            } else if (accept("COLUMN")) {
                dropColumn(table, name("column"));
            } else if (dialect == Dialect.ORACLE && accept("(")) {
                do {
                    dropColumn(table, name("column"));
                } while (accept(","));
                expect(")");
            } else {
                fail("ALTER TABLE ... DROP what?");
            }
        } else if (accept("RENAME")) {
            expect("COLUMN");
            String from = name("column");
            expect("TO");
            String to = newName("column");
            renameColumn(table, from, to);
        } else if (dialect == Dialect.POSTGRESQL && accept("SET")) {
            schema.setAside.add(source() + ": ALTER TABLE " + table.name + " SET " + rest());
        } else {
            fail("ALTER TABLE form the parser does not know (extend DdlParser)");
        }
    }

    // ---------------------------------------------------------------------------------- columns, constraints

    private void column(Table table) {
        Column c = new Column();
        c.quoted = peek().kind() == Kind.QUOTED;
        c.name = newName("column");
        if (table.columns.containsKey(c.name)) {
            fail("column " + table.name + "." + c.name + " exists");
        }
        table.columns.put(c.name, c);
        c.type = type();
        boolean constrained = false;
        while (true) {
            String constraint = accept("CONSTRAINT") ? newName("constraint") : null;
            if (constraint == null && accept("GENERATED")) {
                if (accept("ALWAYS")) {
                    c.identity = "ALWAYS";
                } else {
                    expect("BY");
                    expect("DEFAULT");
                    c.identity = "BY DEFAULT";
                }
                expect("AS");
                expect("IDENTITY");
                if (accept("(")) {
                    skipParenthesised();
                }
                c.nullable = false;
            } else if (constraint == null && accept("DEFAULT")) {
                if (constrained && dialect == Dialect.ORACLE) {
                    fail("Oracle wants DEFAULT before the column's constraints");
                }
                c.defaultValue = defaultValue(c);
            } else if (accept("NOT")) {
                expect("NULL");
                c.nullable = false;
                constrained = true;
            } else if (accept("NULL")) {
                c.nullable = true;
                constrained = true;
            } else if (accept("PRIMARY")) {
                expect("KEY");
                primaryKey(table, List.of(c.name));
                constrained = true;
            } else if (accept("UNIQUE")) {
                unique(table, constraint, List.of(c.name));
                constrained = true;
            } else if (accept("REFERENCES")) {
                references(c);
                constrained = true;
            } else if (accept("CHECK")) {
                check(table, constraint != null ? constraint : table.name + "." + c.name + " check");
                constrained = true;
            } else if (constraint != null) {
                fail("constraint " + constraint + " of what kind?");
            } else {
                return;
            }
        }
    }

    private void tableConstraint(Table table) {
        String constraint = accept("CONSTRAINT") ? newName("constraint") : null;
        if (accept("PRIMARY")) {
            expect("KEY");
            primaryKey(table, columnList(table));
        } else if (accept("UNIQUE")) {
            unique(table, constraint, columnList(table));
        } else if (accept("CHECK")) {
            check(table, constraint != null ? constraint : table.name + " check #" + (table.checks.size() + 1));
        } else {
            fail("table constraint the parser does not know (extend DdlParser)");
        }
    }

    private void primaryKey(Table table, List<String> columns) {
        if (!table.primaryKey.isEmpty()) {
            fail("a second primary key");
        }
        checkNotLob(table, columns, "primary key");
        table.primaryKey = List.copyOf(columns);
        for (String c : columns) {
            table.columns.get(c).nullable = false;
        }
    }

    private void unique(Table table, String name, List<String> columns) {
        checkNotLob(table, columns, "unique constraint");
        table.uniques.add(new Key(name, List.copyOf(columns)));
    }

    private void check(Table table, String name) {
        expect("(");
        int start = pos;
        skipParenthesised();
        StringBuilder expr = new StringBuilder();
        for (Token t : tokens.subList(start, pos - 1)) {
            expr.append(expr.length() == 0 ? "" : " ").append(t.sql());
        }
        if (table.checks.put(name, expr.toString()) != null) {
            fail("check " + name + " exists");
        }
    }

    private void references(Column c) {
        Table target = table(name("table"));
        if (accept("(")) {
            String column = name("column");
            target.column(column, where);
            if (!target.primaryKey.equals(List.of(column))) {
                fail("references " + target.name + "." + column + ", which is not its primary key (not modelled)");
            }
            expect(")");
        }
        c.references = target.name;
        if (accept("ON")) {
            expect("DELETE");
            c.onDelete = accept("CASCADE") ? "CASCADE" : expectSetNull();
        }
    }

    private String expectSetNull() {
        expect("SET");
        expect("NULL");
        return "SET NULL";
    }

    private String defaultValue(Column c) {
        Token t = next();
        String value = t.sql();
        if (t.is("-")) {
            value = "-" + next().text();
        }
        if ("BOOLEAN".equals(c.type.family())) {
            value = switch (value) {
                case "TRUE" -> "1";
                case "FALSE" -> "0";
                default -> value;
            };
        }
        return value;
    }

    private void dropConstraint(Table table, String name) {
        if (table.checks.remove(name) == null && !table.uniques.removeIf(k -> name.equals(k.name()))) {
            fail("no named check or unique constraint " + name + " on " + table.name);
        }
    }

    private void dropColumn(Table table, String column) {
        table.column(column, where);
        table.columns.remove(column);
        table.uniques.removeIf(k -> k.columns().contains(column));
        schema.indexes.values().removeIf(i -> i.table().equals(table.name) && i.columns().contains(column));
        if (table.primaryKey.contains(column)) {
            fail("dropping a primary key column is not modelled");
        }
    }

    private void renameColumn(Table table, String from, String to) {
        Column c = table.column(from, where);
        if (table.columns.containsKey(to)) {
            fail("column " + table.name + "." + to + " exists");
        }
        java.util.Map<String, Column> renamed = new java.util.LinkedHashMap<>();
        table.columns.forEach((n, col) -> renamed.put(n.equals(from) ? to : n, col));
        table.columns.clear();
        table.columns.putAll(renamed);
        c.name = to;
        table.primaryKey = table.primaryKey.stream().map(n -> n.equals(from) ? to : n).toList();
        table.uniques.replaceAll(k -> new Key(k.name(), k.columns().stream().map(n -> n.equals(from) ? to : n).toList()));
        schema.indexes.replaceAll((n, i) -> i.table().equals(table.name)
                ? new Index(i.name(), i.table(), i.columns().stream().map(x -> x.equals(from) ? to : x).toList(),
                        i.unique(), i.predicate())
                : i);
    }

    private List<String> columnList(Table table) {
        List<String> columns = new ArrayList<>();
        expect("(");
        do {
            String c = name("column");
            table.column(c, where);
            columns.add(c);
        } while (accept(","));
        expect(")");
        return columns;
    }

    private void checkNotLob(Table table, List<String> columns, String what) {
        if (dialect != Dialect.ORACLE) {
            return;
        }
        for (String c : columns) {
            String declared = table.columns.get(c).type.declared();
            if (declared.equals("CLOB") || declared.equals("BLOB")) {
                problems.add(where + ": " + declared + " column " + table.name + "." + c + " in a " + what
                        + " (Oracle refuses LOBs in keys and indexes)");
            }
        }
    }

    private boolean alreadyIndexed(Table table, List<String> columns) {
        if (table.primaryKey.equals(columns)) {
            return true;
        }
        for (Key k : table.uniques) {
            if (k.columns().equals(columns)) {
                return true;
            }
        }
        for (Index i : schema.indexes.values()) {
            if (i.table().equals(table.name) && i.columns().equals(columns)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------- types

    private Type type() {
        String base = next().text().toUpperCase(Locale.ROOT);
        if (base.equals("TIMESTAMP") || base.equals("CHARACTER")) {
            if (accept("WITH")) {
                expect("TIME");
                expect("ZONE");
                base += " WITH TIME ZONE";
            } else if (accept("WITHOUT")) {
                expect("TIME");
                expect("ZONE");
            } else if (accept("VARYING")) {
                base = "VARCHAR";
            }
        }
        List<String> args = new ArrayList<>();
        if (accept("(")) {
            do {
                StringBuilder arg = new StringBuilder(next().text());
                while (!peek().is(",") && !peek().is(")")) {
                    arg.append(' ').append(next().text().toUpperCase(Locale.ROOT));
                }
                args.add(arg.toString());
            } while (accept(","));
            expect(")");
        }
        String declared = base + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")");
        return dialect == Dialect.POSTGRESQL ? postgresqlType(base, args, declared) : oracleType(base, args, declared);
    }

    private Type postgresqlType(String base, List<String> args, String declared) {
        String family = switch (base) {
            case "SMALLINT", "INT2" -> "INT16";
            case "INTEGER", "INT", "INT4" -> "INT32";
            case "BIGINT", "INT8" -> "INT64";
            case "BOOLEAN", "BOOL" -> "BOOLEAN";
            case "UUID" -> "UUID";
            case "BYTEA" -> "BINARY";
            case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMP_TZ";
            case "TIMESTAMP" -> "TIMESTAMP";
            case "DATE" -> "DATE";
            case "TEXT" -> "TEXT";
            case "VARCHAR" -> args.isEmpty() ? "TEXT" : "STRING";
            default -> null;
        };
        if (family == null) {
            fail("PostgreSQL type " + declared + " the parser does not know (extend DdlParser)");
        }
        Integer length = family.equals("STRING") ? Integer.valueOf(args.get(0)) : null;
        return new Type(family, length, declared);
    }

    private Type oracleType(String base, List<String> args, String declared) {
        switch (base) {
            case "NUMBER":
                if (args.size() == 1 || (args.size() == 2 && args.get(1).equals("0"))) {
                    String family = switch (args.get(0)) {
                        case "1" -> "BOOLEAN";
                        case "5" -> "INT16";
                        case "10" -> "INT32";
                        case "19" -> "INT64";
                        default -> null;
                    };
                    if (family != null) {
                        return new Type(family, null, declared);
                    }
                }
                // NUMBER without a precision, or one that is no Java integer type: compares unequal to anything
                return new Type(declared, null, declared);
            case "RAW":
                return new Type("BINARY", Integer.valueOf(args.get(0)), declared);
            case "BLOB":
                return new Type("BINARY", null, declared);
            case "CLOB":
                return new Type("TEXT", null, declared);
            case "VARCHAR2": {
                String[] parts = args.get(0).split(" ");
                int length = Integer.parseInt(parts[0]);
                boolean chars = parts.length == 2 && parts[1].equals("CHAR");
                if (length > ORACLE_VARCHAR2_MAX) {
                    problems.add(where + ": VARCHAR2 longer than " + ORACLE_VARCHAR2_MAX
                            + " needs MAX_STRING_SIZE = EXTENDED (use CLOB)");
                }
                // byte semantics (the default): n bytes, a third of n Korean characters in AL32UTF8
                return new Type(chars ? "STRING" : "STRING_BYTES", length, declared);
            }
            case "TIMESTAMP WITH TIME ZONE":
                return new Type("TIMESTAMP_TZ", null, declared);
            case "TIMESTAMP":
                return new Type("TIMESTAMP", null, declared);
            case "DATE":
                return new Type("DATE", null, declared);
            default:
                fail("Oracle type " + declared + " the parser does not know (extend DdlParser)");
                return null;
        }
    }

    // -------------------------------------------------------------------------------------------- names

    /** A name that refers to something; quoted names are kept as written, others folded to lower case. */
    private String name(String what) {
        Token t = next();
        if (t.kind() == Kind.QUOTED) {
            return t.text();
        }
        if (t.kind() != Kind.WORD) {
            fail("expected a " + what + " name, found '" + t.text() + "'");
        }
        return t.text().toLowerCase(Locale.ROOT);
    }

    /** A name being created: in Oracle, checked against the reserved words and the length limit. */
    private String newName(String what) {
        Token t = peek();
        String name = name(what);
        if (dialect == Dialect.ORACLE) {
            if (name.length() > 128) {
                problems.add(where + ": " + what + " name " + name + " is longer than 128 characters");
            }
            if (t.kind() == Kind.WORD && ORACLE_RESERVED.contains(name)) {
                problems.add(where + ": " + what + " name " + name + " is an Oracle reserved word; write it \""
                        + name + "\" (quoted, lower case: the same name PostgreSQL folds to)");
            }
            if (t.kind() == Kind.QUOTED && !(ORACLE_RESERVED.contains(name) && name.equals(name.toLowerCase(Locale.ROOT)))) {
                problems.add(where + ": quoted " + what + " name \"" + name + "\" is not a lower-case reserved word;"
                        + " quote only what must be quoted");
            }
        }
        return name;
    }

    private Table table(String name) {
        return schema.table(name, where);
    }

    // ------------------------------------------------------------------------------------------- tokens

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : new Token(Kind.SYMBOL, "<end>");
    }

    private Token next() {
        Token t = peek();
        if (pos >= tokens.size()) {
            fail("unexpected end of statement");
        }
        pos++;
        return t;
    }

    private boolean accept(String word) {
        if (peek().is(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String word) {
        if (!accept(word)) {
            fail("expected " + word + ", found '" + peek().text() + "'");
        }
    }

    /** After an opening parenthesis: skips to just past its closing one. */
    private void skipParenthesised() {
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            }
        }
    }

    private String rest() {
        StringBuilder s = new StringBuilder();
        while (pos < tokens.size()) {
            s.append(s.length() == 0 ? "" : " ").append(next().sql());
        }
        return s.toString();
    }

    private String source() {
        return where.substring(0, where.indexOf(':'));
    }

    private void fail(String message) {
        throw new IllegalStateException(where + ": " + message);
    }

    private static List<Token> tokenize(String source, String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalStateException(source + ": unclosed comment");
                }
                i = end + 2;
            } else if (c == '\'') {
                StringBuilder s = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalStateException(source + ": unclosed string");
                    }
                    if (sql.charAt(i) == '\'') {
                        if (i + 1 < n && sql.charAt(i + 1) == '\'') {
                            s.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    s.append(sql.charAt(i++));
                }
                out.add(new Token(Kind.STRING, s.toString()));
            } else if (c == '$' && i + 1 < n && sql.charAt(i + 1) == '$') {
                // PostgreSQL's dollar quoting (a function's or DO block's body): one string up to the closing $$
                int end = sql.indexOf("$$", i + 2);
                if (end < 0) {
                    throw new IllegalStateException(source + ": unclosed $$ body");
                }
                out.add(new Token(Kind.STRING, sql.substring(i + 2, end)));
                i = end + 2;
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalStateException(source + ": unclosed quoted name");
                }
                out.add(new Token(Kind.QUOTED, sql.substring(i + 1, end)));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(new Token(Kind.WORD, sql.substring(start, i)));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, sql.substring(start, i)));
            } else if (i + 1 < n && Set.of("<=", ">=", "<>", "!=", "||", "::").contains(sql.substring(i, i + 2))) {
                out.add(new Token(Kind.SYMBOL, sql.substring(i, i + 2)));
                i += 2;
            } else if ("(),;=<>+-*/.".indexOf(c) >= 0) {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            } else {
                throw new IllegalStateException(source + ": unexpected character '" + c + "'");
            }
        }
        return out;
    }
}
