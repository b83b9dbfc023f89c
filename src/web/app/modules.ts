import { coreModule } from "../modules/core/module.ts";
import { followupModule } from "../modules/followup/module.ts";
import { homeModule } from "../modules/home/module.ts";
import { humanitarianModule } from "../modules/humanitarian/module.ts";
import { platformModule } from "../modules/platform/module.ts";
import { processModule } from "../modules/process/module.ts";
import { programmeModule } from "../modules/programme/module.ts";
import { searchModule } from "../modules/search/module.ts";
import { secretariatModule } from "../modules/secretariat/module.ts";
import { textsModule } from "../modules/texts/module.ts";
import type { WebModule } from "../shell/module.ts";

/** Every web module. A new module is its folder under src/web/modules/ and one line here. */
export const webModules: readonly WebModule[] = [
  homeModule,
  coreModule,
  platformModule,
  processModule,
  secretariatModule,
  searchModule,
  textsModule,
  programmeModule,
  followupModule,
  humanitarianModule,
];
