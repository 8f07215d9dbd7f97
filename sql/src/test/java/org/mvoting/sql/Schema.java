package org.mvoting.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a folder of migrations leaves behind, as far as the application can tell: tables with their columns
 * (normalised type, nullability, default, identity, reference), keys, checks, comments and indexes. Built by
 * {@link DdlParser}; compared by {@link SchemaDiff}.
 */
final class Schema {

    /** A column type reduced to what both databases share; {@code length} is null where there is none. */
    record Type(String family, Integer length, String declared) {
        @Override
        public String toString() {
            return declared + " [" + family + (length == null ? "" : "(" + length + ")") + "]";
        }
    }

    static final class Column {
        String name;
        /** Written as a quoted identifier ("trigger"): kept exactly as written instead of folded. */
        boolean quoted;
        Type type;
        boolean nullable = true;
        String defaultValue;
        /** "ALWAYS" or "BY DEFAULT" for identity columns, else null. */
        String identity;
        String references;
        String onDelete;
    }

    /** A primary key or unique constraint; {@code name} null when the statement gave none. */
    record Key(String name, List<String> columns) {
    }

    static final class Table {
        final String name;
        final Map<String, Column> columns = new LinkedHashMap<>();
        List<String> primaryKey = List.of();
        final List<Key> uniques = new ArrayList<>();
        /** Check constraints by name; unnamed ones as "table.column check" or "table check #n". */
        final Map<String, String> checks = new LinkedHashMap<>();
        String comment;

        Table(String name) {
            this.name = name;
        }

        Column column(String column, String where) {
            Column c = columns.get(column);
            if (c == null) {
                throw new IllegalStateException(where + ": no column " + name + "." + column);
            }
            return c;
        }
    }

    record Index(String name, String table, List<String> columns, boolean unique, String predicate) {
        String describe() {
            return (unique ? "UNIQUE " : "") + "ON " + table + " (" + String.join(", ", columns) + ")"
                    + (predicate == null ? "" : " WHERE " + predicate);
        }
    }

    final Map<String, Table> tables = new LinkedHashMap<>();
    final Map<String, Index> indexes = new LinkedHashMap<>();
    /**
     * Physical options the parser understood and set aside because they have no meaning in the other
     * database (PostgreSQL storage parameters, operator classes), one line each, "V2 ...".
     */
    final List<String> setAside = new ArrayList<>();

    Table table(String name, String where) {
        Table t = tables.get(name);
        if (t == null) {
            throw new IllegalStateException(where + ": no table " + name);
        }
        return t;
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
