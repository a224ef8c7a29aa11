// Device enrollment (admin makes a code, the device trades it for a token) and revocation.
import { Type } from '@sinclair/typebox';
import {
  DeviceAnswer,
  DevicePatchBody,
  DevicesAnswer,
  EnrollBody,
  EnrolledAnswer,
  EnrollmentAnswer,
  EnrollmentBody,
  Id,
} from '../../shared/schemas.js';
import { DEVICE_COOKIE, requireAdmin, setTokenCookie } from '../auth/caller.js';
import type { RouteModule } from '../context.js';

/** Browsers keep a cookie 400 days at most; every visit renews it. */
const DEVICE_COOKIE_SECONDS = 400 * 24 * 3600;

const DeviceParams = Type.Object({ id: Id });
const RevokeBody = Type.Optional(Type.Object({}, { additionalProperties: false }));

export const deviceRoutes: RouteModule = (app, { store, hub, config, limits }) => {
  app.post(
    '/api/devices/enrollments',
    { schema: { body: EnrollmentBody, response: { 201: EnrollmentAnswer } } },
    async (request, reply) => {
      await requireAdmin(store, request);
      const { branchId, kind, label, zone } = request.body;
      const enrollment = await store.devices.createEnrollment(branchId, kind, label, zone?.trim());
      return reply.status(201).send(enrollment);
    },
  );

  app.post(
    '/api/devices/enroll',
    { schema: { body: EnrollBody, response: { 201: EnrolledAnswer } } },
    async (request, reply) => {
      const release = limits.wrongCodes.reserve(`ip:${request.ip}`);
      const enrolled = await store.devices.enroll(request.body.code);
      release();
      setTokenCookie(
        reply,
        request,
        DEVICE_COOKIE,
        enrolled.token,
        DEVICE_COOKIE_SECONDS,
        config.publicUrl,
      );
      return reply.status(201).send(enrolled);
    },
  );

  app.get('/api/devices', { schema: { response: { 200: DevicesAnswer } } }, async (request) => {
    await requireAdmin(store, request);
    return { devices: await store.devices.list() };
  });

  app.patch(
    '/api/devices/:id',
    { schema: { params: DeviceParams, body: DevicePatchBody, response: { 200: DeviceAnswer } } },
    async (request) => {
      await requireAdmin(store, request);
      const zone = request.body.zone;
      return { device: await store.devices.setZone(request.params.id, zone?.trim() ?? null) };
    },
  );

  app.post(
    '/api/devices/:id/revoke',
    { schema: { params: DeviceParams, body: RevokeBody, response: { 200: DeviceAnswer } } },
    async (request) => {
      await requireAdmin(store, request);
      const device = await store.devices.revoke(request.params.id);
      hub.closeWhere((audience) => 'deviceId' in audience && audience.deviceId === device.id);
      return { device };
    },
  );
};
