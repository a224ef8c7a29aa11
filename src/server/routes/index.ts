// Every route file of the API. Adding a resource is one line here.
import type { RouteModule } from '../context.js';
import { branchRoutes } from './branches.js';
import { deviceRoutes } from './devices.js';
import { eventRoutes } from './events.js';
import { healthRoutes } from './health.js';
import { presenceRoutes } from './presence.js';
import { noticeRoutes } from './notices.js';
import { followRoutes } from './follow.js';
import { reportRoutes } from './report.js';
import { requestRoutes } from './requests.js';
import { scriptRoutes } from './scripts.js';
import { sessionRoutes } from './sessions.js';
import { skillRoutes } from './skills.js';
import { staffRoutes } from './staff.js';
import { topicRoutes } from './topics.js';

export const ROUTES: RouteModule[] = [
  healthRoutes,
  sessionRoutes,
  deviceRoutes,
  branchRoutes,
  skillRoutes,
  staffRoutes,
  topicRoutes,
  requestRoutes,
  presenceRoutes,
  noticeRoutes,
  followRoutes,
  eventRoutes,
  scriptRoutes,
  reportRoutes,
];
