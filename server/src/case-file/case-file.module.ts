import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseFileController } from './case-file.controller';
import { CaseFileService } from './case-file.service';

@Module({ imports: [CasesModule], controllers: [CaseFileController], providers: [CaseFileService] })
export class CaseFileModule {}
