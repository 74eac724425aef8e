package org.dealerhub.persistence;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * Booleans are SMALLINT 0/1 columns, the one type Derby and PostgreSQL share for them: bound as numbers, since
 * PostgreSQL does not assign a JDBC boolean to a SMALLINT column.
 */
@Converter(autoApply = true)
public class BooleanConverter implements AttributeConverter<Boolean, Short> {

    private static final Short TRUE = 1;
    private static final Short FALSE = 0;

    @Override
    public Short convertToDatabaseColumn(Boolean value) {
        return value == null ? null : value ? TRUE : FALSE;
    }

    @Override
    public Boolean convertToEntityAttribute(Short column) {
        return column == null ? null : column != 0;
    }
}
