import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';

@Module({ imports: [CasesModule], controllers: [InboxController], providers: [InboxService], exports: [InboxService] })
export class InboxModule {}
