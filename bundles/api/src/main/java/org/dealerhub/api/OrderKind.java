package org.dealerhub.api;

/** What a service order asks for (issue 9): repairs, consumables, installation, software, changes, moves and exits. */
public enum OrderKind {
    REPAIR, TONER, INSTALLATION, SOFTWARE_INCIDENT, CHANGE_REQUEST, MOVE, EXIT
}
