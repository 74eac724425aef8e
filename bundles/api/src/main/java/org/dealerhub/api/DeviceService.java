package org.dealerhub.api;

public interface DeviceService extends Crud<Device, Device.Draft> {
}
