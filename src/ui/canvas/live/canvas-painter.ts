/** The page's one live painter, fed by the live-metrics store once per frame. */
import { liveMetrics } from '../../../store/live-metrics.ts';
import { frameScheduler } from '../../frame-scheduler.ts';
import { createLivePainter } from './live-painter.ts';

export const canvasPainter = createLivePainter(liveMetrics, frameScheduler);
