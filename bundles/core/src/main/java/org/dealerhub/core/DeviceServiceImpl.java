package org.dealerhub.core;

import java.util.List;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceService;
import org.dealerhub.api.DomainException;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Devices, and their transfers from one organisation to another (PORTAL-ACCT-1). */
@Component
public class DeviceServiceImpl implements DeviceService {

    /** The rule a transfer answers to: a device's data stays with the organisation that owned it then. */
    static final String TRANSFER_RULE = "PORTAL-ACCT-1";

    private final Store store;

    @Activate
    public DeviceServiceImpl(@Reference Store store) {
        this.store = store;
    }

    @Override
    public List<Device> list(Caller caller) {
        return store.read(r -> r.devices().list(caller));
    }

    @Override
    public Device get(Caller caller, long id) {
        return store.read(r -> find(r, caller, id));
    }

    @Override
    public Device create(Caller caller, Device.Draft draft) {
        Access.requireDealer(caller);
        Device.Draft valid = validate(draft);
        return store.tx(r -> r.devices().create(caller, valid));
    }

    @Override
    public Device update(Caller caller, long id, long version, Device.Draft draft) {
        Device.Draft valid = validate(draft);
        return store.tx(r -> {
            Device device = find(r, caller, id);
            Access.requireDealer(caller);
            // PORTAL-ACCT-1: the owner changes only by a dated transfer, which keeps the history with its owner
            if (valid.organisationId() != device.organisationId()) {
                throw DomainException.invalid("organisationId", "a device moves to another organisation only by a"
                        + " dated transfer: POST /devices/" + id + "/transfers");
            }
            return r.devices().update(caller, id, version, valid);
        });
    }

    @Override
    public void delete(Caller caller, long id, long version) {
        store.tx(r -> {
            find(r, caller, id);
            Access.requireAdmin(caller, "delete");
            r.devices().delete(caller, id, version);
            return null;
        });
    }

    /**
     * PORTAL-ACCT-1: a transfer keeps everything before its date with the old owner, and a contract's devices
     * belong to the contract's organisation for the whole contract: refused while a contract of the old owner that
     * includes the device runs on or after the transfer date.
     */
    @Override
    public Device.Ownership transfer(Caller caller, long id, Device.Transfer transfer) {
        Checks.draft(transfer);
        long to = Checks.required(transfer.organisationId(), "organisationId");
        var date = Checks.required(transfer.date(), "date");
        return store.tx(r -> {
            Device device = r.devices().lock(caller, id).orElseThrow(() -> DomainException.notFound("device", id));
            Access.requireDealer(caller);
            if (r.organisations().find(caller, to).isEmpty()) {
                throw DomainException.invalid("organisationId", "organisation " + to + " does not exist");
            }
            if (to == device.organisationId()) {
                throw DomainException.invalid("organisationId", "device " + id + " already belongs to organisation "
                        + to);
            }
            Device.Ownership current = r.devices().ownership(caller, id).stream().filter(o -> o.to() == null)
                    .findFirst().orElseThrow();
            if (current.from() != null && !date.isAfter(current.from())) {
                throw DomainException.rule(TRANSFER_RULE, "date", "device " + id + " belongs to organisation "
                        + device.organisationId() + " since " + current.from() + ": a transfer is dated after that");
            }
            r.contracts().withDevice(caller, id).stream()
                    .filter(c -> c.organisationId() == device.organisationId() && c.runsOnOrAfter(date))
                    .findFirst().ifPresent(c -> {
                        throw DomainException.rule(TRANSFER_RULE, "date", "device " + id + " is on contract " + c.id()
                                + " of organisation " + c.organisationId() + " running until "
                                + (c.end() == null ? "further notice" : c.end())
                                + ": end the contract or remove the device from it first");
                    });
            return r.devices().transfer(caller, id, to, date);
        });
    }

    @Override
    public List<Device.Ownership> ownership(Caller caller, long id) {
        return store.read(r -> r.devices().ownership(caller, id));
    }

    /** The device if the caller may see it, else NOT_FOUND. */
    static Device find(Repositories r, Caller caller, long id) {
        return r.devices().find(caller, id).orElseThrow(() -> DomainException.notFound("device", id));
    }

    private static Device.Draft validate(Device.Draft d) {
        Checks.draft(d);
        return new Device.Draft(Checks.id(d.organisationId(), "organisationId"),
                Checks.text(d.vendor(), "vendor", 60), Checks.text(d.model(), "model", 100),
                Checks.optionalText(d.modelFamily(), "modelFamily", 100), Checks.required(d.format(), "format"),
                Checks.text(d.serialNumber(), "serialNumber", 60),
                Checks.optionalText(d.serviceNumber(), "serviceNumber", 60),
                Checks.optionalText(d.location(), "location", 200),
                d.remotelyMonitored() != null && d.remotelyMonitored());
    }
}
