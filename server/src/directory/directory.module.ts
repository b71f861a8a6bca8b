import { Module } from '@nestjs/common';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';

// The organisations and users the intake and assignment forms pick from (/api/directory/*).
@Module({ controllers: [DirectoryController], providers: [DirectoryService] })
export class DirectoryModule {}
