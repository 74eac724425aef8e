package org.dealerhub.persistence;

/**
 * The Dealerhub database with its schema at this build's newest migration, registered by {@link SchemaMigrator} once
 * it is so. Private to this bundle: it orders {@link JpaStore} after the migrations.
 */
interface MigratedSchema {

    int version();
}
