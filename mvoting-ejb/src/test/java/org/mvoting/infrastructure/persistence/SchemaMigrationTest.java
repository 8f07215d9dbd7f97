package org.mvoting.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Flyway's location chosen by the database the datasource reaches. */
class SchemaMigrationTest {

    private static final Predicate<String> EVERY_MODULE = className -> true;

    @Test
    void postgresqlGetsThePostgresqlFolder() {
        assertEquals("classpath:db/migration/postgresql", SchemaMigration.locationFor("PostgreSQL", EVERY_MODULE));
    }

    @Test
    void oracleGetsTheOracleFolder() {
        assertEquals("classpath:db/migration/oracle", SchemaMigration.locationFor("Oracle", EVERY_MODULE));
    }

    @Test
    void anyOtherDatabaseStopsTheDeploymentNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SchemaMigration.locationFor("MySQL", EVERY_MODULE));
        assertTrue(e.getMessage().contains("PostgreSQL (sql/postgresql) and Oracle (sql/oracle) only"), e.getMessage());
        assertTrue(e.getMessage().contains("'MySQL'"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> SchemaMigration.locationFor("H2", EVERY_MODULE));
        assertThrows(IllegalStateException.class, () -> SchemaMigration.locationFor(null, EVERY_MODULE));
    }

    @Test
    void aDatabaseWithoutFlywaysModuleForItIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SchemaMigration.locationFor("Oracle", className -> !className.contains(".oracle.")));
        assertEquals("Oracle migrations need flyway-database-oracle on the server (a dependency of mvoting-ear,"
                + " in the EAR's lib)", e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> SchemaMigration.locationFor("PostgreSQL", className -> !className.contains(".postgresql.")));
    }

    @Test
    void theModulesItLooksForAreFlywaysOwn() {
        // flyway-database-postgresql and -oracle are test dependencies here: the class names are the ones they ship
        ClassLoader loader = SchemaMigrationTest.class.getClassLoader();
        Predicate<String> real = className -> SchemaMigration.present(className, loader);
        assertEquals("classpath:db/migration/postgresql", SchemaMigration.locationFor("PostgreSQL", real));
        assertEquals("classpath:db/migration/oracle", SchemaMigration.locationFor("Oracle", real));
    }
}
