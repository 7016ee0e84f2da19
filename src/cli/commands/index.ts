import type { Command } from '../command.js';
import { startCommand } from './start.js';
import { forecastCommand } from './forecast.js';
import { gapsCommand } from './gaps.js';
import { schemaCommand } from './schema.js';
import { termsCommand } from './terms.js';
import { latePaymentCommand } from './late-payment.js';
import { matchCommand } from './match.js';
import { sizeCommand } from './size.js';
import { reportCommand } from './report.js';
import { stressCommand } from './stress.js';

/** Every `bridgefit` subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [startCommand, forecastCommand, gapsCommand, sizeCommand, matchCommand, termsCommand, latePaymentCommand, stressCommand, reportCommand, schemaCommand];
